builtins.genericClosure { startSet = [ { key = "a"; v = 1; } { key = "a"; v = 2; } { key = "b"; v = 3; } ]; operator = x: [ { key = "a"; v = 99; } ]; }
