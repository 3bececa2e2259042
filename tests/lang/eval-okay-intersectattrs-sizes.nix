let big = builtins.listToAttrs (builtins.genList (i: { name = "n${toString i}"; value = i; }) 40); in
[ (builtins.intersectAttrs { n3 = null; n39 = 1; zz = 2; a = 3; } big) (builtins.intersectAttrs big { n3 = "a"; n7 = "b"; q = 1; }) (builtins.intersectAttrs {} big) (builtins.intersectAttrs big {}) ]
