with { x = "with"; }; let f = x: x; in [ (f "arg") x ]
