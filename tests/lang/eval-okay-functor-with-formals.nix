let f = { __functor = self: { a, b ? self.default }: a + b; default = 10; }; in [ (f { a = 1; }) (f { a = 1; b = 2; }) ]
