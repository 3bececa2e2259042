let a = { b = 1; }; in builtins.seq a { inherit a; c = "s"; d = null; }
