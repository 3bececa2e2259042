{ a = [ (x: x) ]; b = { c = builtins.add 1; }; }
