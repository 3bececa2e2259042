builtins.warn "fatal warning" 1
