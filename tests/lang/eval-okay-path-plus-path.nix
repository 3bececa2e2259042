let p = ./lib + ./dir; in [ (builtins.typeOf p) (baseNameOf p) (baseNameOf (dirOf p)) ]
