let s = { }; f = x: x; in [ (f s.a or "d") (s.a or 1 + 1) ]
