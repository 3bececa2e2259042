# Output names must be strings.
(derivation { name = "a"; system = "x"; builder = "/b"; outputs = [ 1 ]; }).outPath
