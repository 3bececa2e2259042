builtins.attrNames { "é" = 1; "z" = 2; "Z" = 3; "a" = 4; "ä" = 5; }
