let s = rec { a = 1; }; in a
