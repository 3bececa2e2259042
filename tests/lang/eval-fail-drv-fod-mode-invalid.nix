# outputHashMode must be flat, recursive or nar (or an experimental mode).
(derivation {
  name = "a"; system = "x"; builder = "/b";
  outputHashMode = "Recursive";
  outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18=";
}).outPath
