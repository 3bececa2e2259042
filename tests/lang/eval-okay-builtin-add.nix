[ (builtins.add 1 2) (builtins.add 1.5 2) (builtins.add 1 2.5) (builtins.add (-1) 1) ]
