builtins.toXML { b = 1; a = "x"; nested = { c = [ 1 ]; }; }
