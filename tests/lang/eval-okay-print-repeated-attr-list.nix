let a = { v = [ 1 2 ]; }; in [ a.v a.v a ]
