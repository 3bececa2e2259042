let l = [ 1 l ]; in l
