builtins.replaceStrings [ 1 ] [ "a" ] "x1"
