let l = [ 1 ] ++ [ 2 ] ++ []; in l
