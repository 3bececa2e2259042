[ (builtins.attrNames { b = 1; a = 2; c = 3; }) (builtins.attrNames { }) (builtins.attrNames { "B" = 1; "a" = 2; "_" = 3; "10" = 4; "9" = 5; }) ]
