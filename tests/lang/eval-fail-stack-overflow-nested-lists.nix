let f = n: if n == 0 then [ ] else [ (f (n - 1)) ]; deep = f 20000; in builtins.deepSeq deep 1
