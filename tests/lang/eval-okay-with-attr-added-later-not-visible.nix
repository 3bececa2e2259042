let s = { a = 1; }; in with s; (s // { b = 2; }).b + a
