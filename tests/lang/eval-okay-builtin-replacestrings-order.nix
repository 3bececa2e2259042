[ (builtins.replaceStrings [ "ab" "a" ] [ "X" "Y" ] "aab") (builtins.replaceStrings [ "a" ] [ "aa" ] "aaa") (builtins.replaceStrings [ "é" ] [ "e" ] "café") ]
