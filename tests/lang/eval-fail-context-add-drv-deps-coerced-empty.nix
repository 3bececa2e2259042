builtins.addDrvOutputDependencies { outPath = "a"; }
