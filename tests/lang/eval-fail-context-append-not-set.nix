builtins.appendContext "" 1
