builtins.addErrorContext "while doing the outer thing" (throw "inner failure")
