let x = x; in x * 2
