let b = { c = 1; }; in { a = b; a.d = 2; }
