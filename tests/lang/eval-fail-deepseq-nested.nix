builtins.deepSeq { a = { b = [ 1 (throw "deep") ]; }; } "never"
