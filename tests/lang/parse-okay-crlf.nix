let
  a = 1;
  b = "x
";
in a
