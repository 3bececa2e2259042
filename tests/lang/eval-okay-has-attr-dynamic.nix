let s = { "a b" = 1; x = 2; }; k = "x"; in [ (s ? "a b") (s ? ${k}) (s ? "${k}") ]
