builtins.foldl' builtins.add 0 [ 1 "x" ]
