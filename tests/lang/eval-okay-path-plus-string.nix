let p = ./lib + "/dir"; in [ (builtins.typeOf p) (baseNameOf p) (builtins.typeOf (./lib + "x")) (baseNameOf (./lib + "x")) ]
