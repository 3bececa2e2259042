# outputHashMode "text" needs the dynamic-derivations experimental feature.
(derivation {
  name = "a"; system = "x"; builder = "/b";
  outputHashMode = "text";
  outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18=";
}).outPath
