let s = { x = 1; }; k = "y"; in s.${k} or "missing"
