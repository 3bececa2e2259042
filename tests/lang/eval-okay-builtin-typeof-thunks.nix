let x = 1 + 1; in [ (builtins.typeOf x) (builtins.typeOf (builtins.head [ "s" ])) ]
