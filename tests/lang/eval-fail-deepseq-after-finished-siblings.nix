builtins.deepSeq { a = 1; b = { c = [ 1 ]; }; d = [ { e = throw "late"; } ]; } 0
