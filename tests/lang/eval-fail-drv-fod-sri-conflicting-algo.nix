# An SRI hash whose type disagrees with outputHashAlgo.
(derivation {
  name = "a"; system = "x"; builder = "/b";
  outputHashAlgo = "sha1";
  outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18=";
}).outPath
