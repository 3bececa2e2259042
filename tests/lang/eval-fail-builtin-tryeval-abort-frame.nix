builtins.tryEval (builtins.abort "no catch")
