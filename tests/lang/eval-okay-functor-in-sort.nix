builtins.sort { __functor = _: a: b: a < b; } [ 3 1 2 ]
