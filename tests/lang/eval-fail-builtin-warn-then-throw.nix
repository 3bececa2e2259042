builtins.warn "warned first" (throw "then thrown")
