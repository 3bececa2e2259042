[ ({ type = "derivation"; a = 1; } == { type = "derivation"; a = 1; }) ({ type = "derivation"; a = 1; } == { type = "derivation"; a = 2; }) ]
