builtins.length (builtins.map (x: x))
