let big = 9223372036854775807; f = x: x; in f (big + 1)
