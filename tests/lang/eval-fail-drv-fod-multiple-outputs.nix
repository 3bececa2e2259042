# A fixed-output derivation has one output.
(derivation {
  name = "a"; system = "x"; builder = "/b";
  outputs = [ "out" "dev" ];
  outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18=";
}).outPath
