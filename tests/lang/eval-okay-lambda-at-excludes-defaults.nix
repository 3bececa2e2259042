let f = all@{ a ? 1, b ? 2 }: all; in f { a = 5; }
