let f = { __functor = self: { a }: a; }; in f { }
