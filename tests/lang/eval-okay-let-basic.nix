let a = 1; b = a + 1; in b * 2
