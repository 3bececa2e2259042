let f = x: assert x; x; in f false
