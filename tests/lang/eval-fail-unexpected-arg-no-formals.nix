let f = { }: 1; in f { a = 1; }
