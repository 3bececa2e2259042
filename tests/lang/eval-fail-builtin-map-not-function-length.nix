builtins.length (map "f" [ 1 2 ])
