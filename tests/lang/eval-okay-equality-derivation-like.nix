let a = { type = "derivation"; outPath = "/x"; extra = 1; }; b = { type = "derivation"; outPath = "/x"; extra = 2; }; c = { type = "derivation"; outPath = "/y"; }; in [ (a == b) (a == c) ]
