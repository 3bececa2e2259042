[ (1 + 0.5) (0.5 + 1) (3 * 0.5) (1 / 2.0) (7.0 / 2) (10 - 0.5) (builtins.typeOf (1 + 1.0)) (builtins.typeOf (2 * 1)) ]
