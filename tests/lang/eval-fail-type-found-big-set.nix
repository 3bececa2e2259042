builtins.length { a = 1; b = [ 1 2 3 ]; c = { d = "e"; }; f = x: x; g = null; h = true; i = 1.5; j = /p; k = { l = { m = { n = { o = 1; }; }; }; }; }
