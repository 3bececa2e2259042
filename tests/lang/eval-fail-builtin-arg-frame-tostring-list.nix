builtins.toString [ 1 "a" (x: x) ]
