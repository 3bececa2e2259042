# The name must be a string.
(derivation { name = 1; system = "x"; builder = "/b"; }).outPath
