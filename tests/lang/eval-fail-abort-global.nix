let f = x: if x then abort "global abort" else 1; in f true
