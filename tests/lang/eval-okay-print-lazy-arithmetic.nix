let n = 1; b = true; in { a = n + 1; c = [ (n * 2) (n - 3) ]; d = !b; e = n < 2; f = -n; }
