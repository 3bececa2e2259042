builtins.filter "f" [ 1 ]
