let k = "x"; in { a.${k}.b = 1; a.y = 2; }
