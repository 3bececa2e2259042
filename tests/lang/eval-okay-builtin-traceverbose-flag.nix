builtins.traceVerbose "traced" [ (builtins.traceVerbose 1 2) ]
