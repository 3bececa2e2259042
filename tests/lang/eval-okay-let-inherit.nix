let a = 1; b = { c = 2; d = 3; }; in let inherit a; inherit (b) c d; in [ a c d ]
