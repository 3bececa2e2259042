let f = a: { b }: b; g = x: f x { c = 1; }; in g 1
