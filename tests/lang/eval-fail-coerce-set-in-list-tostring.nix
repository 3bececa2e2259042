toString [ { a = 1; } ]
