builtins.warn "a warning" "value after warning"
