toString { outPath = [ 1 ]; }
