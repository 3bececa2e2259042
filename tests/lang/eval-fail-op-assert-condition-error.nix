let x = x; in assert x; 1
