let k = "a"; in rec {
  a = 1;
  ${k} = 2;
}
