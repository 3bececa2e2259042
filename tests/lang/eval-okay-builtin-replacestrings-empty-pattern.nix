[ (builtins.replaceStrings [ "" ] [ "X" ] "") (builtins.replaceStrings [ "b" "" ] [ "B" "_" ] "abc") ]
