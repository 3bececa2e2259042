[ (builtins.sub 10 3) (builtins.mul 6 7) (builtins.div 7 2) (builtins.sub 1.5 1) (builtins.mul 2 0.5) (builtins.div 1 4.0) ]
