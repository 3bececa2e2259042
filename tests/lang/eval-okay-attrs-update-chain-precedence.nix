let a = { x = 1; }; b = { y = 2; }; in (a // b).x + (a // b).y
