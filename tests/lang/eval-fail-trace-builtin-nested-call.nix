builtins.length (builtins.head [ (throw "inner") ])
