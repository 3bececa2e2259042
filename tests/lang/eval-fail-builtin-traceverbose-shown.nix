builtins.traceVerbose "shown with --trace-verbose" (throw "then fail")
