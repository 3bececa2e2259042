builtins.length (builtins.seq 1 [ (throw "element not forced") ])
