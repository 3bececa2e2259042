# A colon is not allowed in a store path name.
(derivation { name = "x:y"; system = "x"; builder = "/b"; }).outPath
