let x = { self = x; v = 1; }; in builtins.deepSeq x x.v
