builtins.traceVerbose "not shown without --trace-verbose" "result"
