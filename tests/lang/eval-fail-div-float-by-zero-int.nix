builtins.tryEval (1.5 / 0)
