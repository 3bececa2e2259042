{ foo = 1; fob = 2; fox = 3; zzz = 4; }.fo
