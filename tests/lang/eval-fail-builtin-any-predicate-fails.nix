builtins.any (x: x.a) [ 1 ]
