rec { a = 1; b = assert a > 1; a; }.b
