builtins.length (map (x: x) (builtins.genList (x: x) 50000))
