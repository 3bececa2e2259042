builtins.toJSON { a = [ 1 (throw "in toJSON") ]; }
