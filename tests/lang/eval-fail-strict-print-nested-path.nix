let shared = [ (throw "second visit") ]; in { a = 1; b.c = [ 2 shared ]; }
