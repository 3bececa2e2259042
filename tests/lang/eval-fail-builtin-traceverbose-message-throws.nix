builtins.traceVerbose (builtins.throw "the message is forced") "result"
