builtins.genericClosure { startSet = [ { notkey = 1; } ]; operator = x: [ ]; }
