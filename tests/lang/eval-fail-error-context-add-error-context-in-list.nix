builtins.deepSeq [ (builtins.addErrorContext "while checking element one" (throw "element one is bad")) ] 1
