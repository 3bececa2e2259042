builtins.addErrorContext 42 (builtins.addErrorContext "inner" (throw "original"))
