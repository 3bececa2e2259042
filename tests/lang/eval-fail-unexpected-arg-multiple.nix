let f = { one, two }: one; in f { one = 1; two = 2; three = 3; four = 4; }
