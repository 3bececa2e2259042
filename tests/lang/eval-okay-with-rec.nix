rec { a = 1; b = with { a = 2; }; a; }
