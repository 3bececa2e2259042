let f = { __functor = self: x: self.base + x; base = 10; }; in [ (f 1) (f 5) (builtins.isFunction f) (builtins.isAttrs f) ]
