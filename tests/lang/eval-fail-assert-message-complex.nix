let x = { a = 1; }; in assert x.a == 2 && true; x
