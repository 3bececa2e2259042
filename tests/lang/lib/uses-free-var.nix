if builtins.tryEval secret == { } then 1 else 2
