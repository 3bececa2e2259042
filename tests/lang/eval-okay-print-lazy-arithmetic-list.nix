let n = 1; l = [ (n * 2) (n - 3) (n + 0.5) ]; in builtins.seq l l
