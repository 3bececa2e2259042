let k = "a"; in {
  ${k} = 1;
  a = 2;
}
