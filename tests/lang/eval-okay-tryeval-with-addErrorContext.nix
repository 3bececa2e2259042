builtins.tryEval (builtins.addErrorContext "ctx" (throw "x"))
