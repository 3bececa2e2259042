let x = { self = x; v = 1; }; in x
