let x = [ 1 ]; s = { a = 1; }; in [ x x s s { inherit s; t = s; } ]
