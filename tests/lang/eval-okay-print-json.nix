{ a = 1; b = [ 1.5 "s" null true ]; c = { d = { }; e = [ ]; }; }
