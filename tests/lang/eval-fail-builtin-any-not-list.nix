builtins.any (x: x) { }
