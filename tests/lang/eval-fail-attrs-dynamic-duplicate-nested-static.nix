let k = "b"; in { a.b = 1; a.${k} = 2; }
