# A function cannot be an environment value.
(derivation { name = "a"; system = "x"; builder = "/b"; f = x: x; }).outPath
