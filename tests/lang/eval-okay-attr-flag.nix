{ a = { b = [ 10 20 30 ]; }; c = throw "not evaluated"; }
