# derivation takes the first output as the default one: an empty list fails there.
(derivation { name = "a"; system = "x"; builder = "/b"; outputs = [ ]; }).outPath
