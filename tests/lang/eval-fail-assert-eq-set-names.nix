assert { a = 1; } == { b = 1; }; 1
