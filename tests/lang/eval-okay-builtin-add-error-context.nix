builtins.addErrorContext "context unused" 42
