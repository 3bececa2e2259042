# outputs must be a list.
(derivation { name = "a"; system = "x"; builder = "/b"; outputs = "out"; }).outPath
