assert 1 == "a"; 1
