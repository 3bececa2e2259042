builtins.replaceStrings [ "a" "b" ] [ "A" (throw "unused replacement") ] "aaa"
