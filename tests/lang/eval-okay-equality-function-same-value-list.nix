let f = x: x; l = [ f ]; s = { a = f; }; in [ (l == l) (s == s) ]
