let f = a: b: a + b; in f (if true then 1 else 2) (if false then 10 else 20)
