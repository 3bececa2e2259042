let x = { a = 1; s = x; }; in builtins.seq x.s { inherit x; y = x; }
