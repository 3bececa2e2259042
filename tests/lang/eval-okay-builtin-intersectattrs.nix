[ (builtins.intersectAttrs { a = 0; b = 0; } { a = 1; c = 3; b = 2; }) (builtins.intersectAttrs { } { a = 1; }) (builtins.intersectAttrs { x = 1; } { }) ]
