let x = { a = 3; }; in assert (x.a == 4); x
