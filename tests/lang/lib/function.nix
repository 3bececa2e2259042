{ x, y ? 1 }: x + y
