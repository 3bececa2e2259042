let f = args@{ x, ... }: x; in f { y = 1; }
