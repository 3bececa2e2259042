a != b == c
