builtins.tryEval [ (throw "not forced by tryEval, but by --strict") ]
