{ a = 1; b = [ "s" null true 1.5 ]; }
