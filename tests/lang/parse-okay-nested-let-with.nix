b: let a = 1; in with b; let c = a; in c
