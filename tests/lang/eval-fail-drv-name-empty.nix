# The name must not be empty.
(derivation { name = ""; system = "x"; builder = "/b"; }).outPath
