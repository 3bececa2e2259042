builtins.add 1.5 true
