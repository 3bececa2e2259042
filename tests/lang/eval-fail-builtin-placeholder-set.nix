builtins.placeholder { outPath = "out"; }
