builtins.genericClosure { startSet = [ { key = [ 1 ]; } { key = [ (throw "in key") ]; } ]; operator = x: [ ]; }
