# system is required.
(derivation { name = "a"; builder = "/b"; }).outPath
