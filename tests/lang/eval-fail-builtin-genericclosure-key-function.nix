builtins.genericClosure { startSet = [ { key = x: x; } { key = x: x; } ]; operator = x: [ ]; }
