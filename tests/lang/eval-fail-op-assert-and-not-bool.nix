assert 1 == 1 && "a"; 2
