rec { a = { x = 1; }; b = a.y or a.x; }
