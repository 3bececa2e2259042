let x = x; in true && x
