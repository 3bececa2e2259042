let b = "outer"; f = { a ? b, b ? "formal" }: a; in f {}
