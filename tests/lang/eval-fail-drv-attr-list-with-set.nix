# Nor can it be an item of a list value.
(derivation { name = "a"; system = "x"; builder = "/b"; l = [ "ok" { } ]; }).outPath
