map (n: builtins ? ${n}) [ "concatStrings" "foldl" "nonexistentBuiltin" "lib" "mapAttrs'" ]
