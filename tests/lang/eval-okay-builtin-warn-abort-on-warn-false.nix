builtins.warn "only a warning" 1
