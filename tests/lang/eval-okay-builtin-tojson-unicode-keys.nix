builtins.toJSON { "é" = 1; "a b" = 2; "\"q\"" = 3; }
