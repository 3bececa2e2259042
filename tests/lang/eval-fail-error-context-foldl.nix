builtins.foldl' (a: b: a + b) 0 [ 1 2 null ]
