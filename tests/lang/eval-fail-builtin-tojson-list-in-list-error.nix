builtins.toJSON { a = 1; b = [ 1 [ { c = (throw "deep in json"); } ] ]; }
