# An output listed twice.
(derivation { name = "a"; system = "x"; builder = "/b"; outputs = [ "out" "out" ]; }).outPath
