(x: { a = x; }) (y: y)
