builtins.concatStrings [ "a" "b" "" "c" ]
