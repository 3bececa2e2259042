{ f = { a, b ? 2 }: a; g = x: x; }
