let l = [ 1 2 3 l ]; in [ l l ]
