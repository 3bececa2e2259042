let s = { f = y: y + 1; a = s.f "x"; }; in s.a
