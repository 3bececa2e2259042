builtins.genericClosure { startSet = [ ]; operator = throw "not called"; }
