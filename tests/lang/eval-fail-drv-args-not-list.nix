# args must be a list.
(derivation { name = "a"; system = "x"; builder = "/b"; args = "-c"; }).outPath
