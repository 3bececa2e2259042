[ (builtins.isFunction builtins.map) (builtins.isFunction (builtins.add 1)) (builtins.isFunction ({ a }: a)) (builtins.isFunction { __functor = s: x: x; }) ]
