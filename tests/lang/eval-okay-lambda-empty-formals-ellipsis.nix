let f = { ... }: "called"; in f { x = 1; }
