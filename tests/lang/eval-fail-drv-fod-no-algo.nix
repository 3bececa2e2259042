# A hash without a type and no outputHashAlgo.
(derivation { name = "a"; system = "x"; builder = "/b"; outputHash = "QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18="; }).outPath
