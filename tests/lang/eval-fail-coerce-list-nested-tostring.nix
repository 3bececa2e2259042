toString [ 1 [ (x: x) ] ]
