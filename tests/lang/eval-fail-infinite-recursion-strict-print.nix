let x = { a = x.a; }; in x
