builtins.attrNames (builtins.genList (x: x) 100)
