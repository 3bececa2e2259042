builtins.length 1.5
