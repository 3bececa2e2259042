builtins.replaceStrings [ "a" "b" ] [ "A" ] "abc"
