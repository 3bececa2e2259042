let f = n: if n == 0 then "leaf" else { x = f (n - 1); }; in f 20
