let mk = n: { v = n; }; in with mk 5; v * 2
