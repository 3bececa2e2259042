[ (builtins.ceil 1.1) (builtins.ceil (-1.1)) (builtins.floor 1.9) (builtins.floor (-1.1)) (builtins.ceil 2) (builtins.floor 3) (builtins.ceil 2.0) (builtins.typeOf (builtins.floor 1.5)) ]
