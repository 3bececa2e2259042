{ __functor = self: 1; } 2
