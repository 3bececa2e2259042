builtins.length (builtins.tryEval [ (throw "not forced by tryEval") ]).value
