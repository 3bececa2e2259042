let f = { alpha, beta ? 1 }: alpha; in f { alpha = 1; betta = 2; }
