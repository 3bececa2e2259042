let s = { "then" = 1; }; in s.then
