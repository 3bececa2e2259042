let counter = n: { __functor = self: x: counter (n + x); value = n; }; in ((counter 0) 1 2 3).value
