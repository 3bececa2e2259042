# builder is required.
(derivation { name = "a"; system = "x"; }).outPath
