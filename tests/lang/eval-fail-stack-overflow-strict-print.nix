let f = n: if n == 0 then [ ] else [ (f (n - 1)) ]; in f 20000
