builtins.partition (x: builtins.bitAnd x 1 == 0) [ 5 4 3 2 1 0 ]
