let s = { a = { b = 1 + true; }; }; in s.a.b
