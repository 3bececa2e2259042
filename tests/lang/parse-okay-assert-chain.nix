assert true; assert false -> true; 1
