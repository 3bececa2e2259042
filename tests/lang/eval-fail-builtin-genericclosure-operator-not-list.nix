builtins.genericClosure { startSet = [ { key = 1; } ]; operator = x: { key = 2; }; }
