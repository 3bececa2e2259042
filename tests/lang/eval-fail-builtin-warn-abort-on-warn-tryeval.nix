builtins.tryEval (builtins.warn "not caught" 1)
