let s = { a = 1; b = throw "lazy attr"; c = abort "lazy abort"; }; in s.a
