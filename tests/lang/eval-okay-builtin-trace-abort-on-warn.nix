builtins.trace "trace is not a warning" 1
