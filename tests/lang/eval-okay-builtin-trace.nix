builtins.trace "this goes to stderr" (builtins.trace { a = 1; } 42)
