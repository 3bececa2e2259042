# A space is not allowed in a store path name.
(derivation { name = "a b"; system = "x"; builder = "/b"; }).outPath
