let s = { a = { b = 1 + "x"; }; }; in s.a.b
