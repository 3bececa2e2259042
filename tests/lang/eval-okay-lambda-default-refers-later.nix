let f = { a ? b * 2, b ? 3 }: a; in f {}
