let a = b + 1; b = c + 1; c = 1; in [ a b c ]
