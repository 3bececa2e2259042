assert 1.0 == 2; 1
