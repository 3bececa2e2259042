builtins.warn "fatal through --option" 1
