builtins.toXML { l = [ { x = 1; } [ 2 ] ]; }
