# An empty hash needs an explicit algorithm.
(derivation { name = "a"; system = "x"; builder = "/b"; outputHash = ""; }).outPath
