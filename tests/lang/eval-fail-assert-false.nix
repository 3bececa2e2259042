assert 1 == 2; "never"
