builtins.genericClosure { startSet = [ (throw "element") ]; operator = x: [ ]; }
