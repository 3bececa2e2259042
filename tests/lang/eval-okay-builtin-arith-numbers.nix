[ (builtins.add 1 2) (builtins.add 1 2.5) (builtins.sub 1.5 1) (builtins.mul 2 3) (builtins.div 7 2) (builtins.div 7.0 2) (builtins.sub 0 9223372036854775807) ]
