builtins.genericClosure { startSet = [ 1 ]; operator = x: [ ]; }
