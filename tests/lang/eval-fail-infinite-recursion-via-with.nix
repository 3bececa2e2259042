let s = with s; { a = b; b = a; }; in s.a
