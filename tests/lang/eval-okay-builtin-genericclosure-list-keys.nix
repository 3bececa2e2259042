builtins.genericClosure { startSet = [ { key = [ 1 "a" ]; } ]; operator = x: if builtins.length x.key < 4 then [ { key = x.key ++ [ 0 ]; } ] else [ ]; }
