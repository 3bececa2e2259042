let inf = 1.0e308 * 10; in builtins.toJSON [ inf (-inf) ]
