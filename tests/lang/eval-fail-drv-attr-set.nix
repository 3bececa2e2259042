# A set without outPath or __toString cannot be an environment value.
(derivation { name = "a"; system = "x"; builder = "/b"; s = { a = 1; }; }).outPath
