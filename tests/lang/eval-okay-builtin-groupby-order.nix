builtins.groupBy (x: x.k) [ { k = "b"; v = 1; } { k = "a"; v = 2; } { k = "b"; v = 3; } ]
