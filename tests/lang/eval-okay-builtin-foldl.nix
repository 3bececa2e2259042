[ (builtins.foldl' (acc: x: acc + x) 0 [ 1 2 3 ]) (builtins.foldl' (acc: x: acc ++ [ x ]) [ ] [ 1 2 ]) (builtins.foldl' (a: b: "${a}${b}") "" [ "x" "y" "z" ]) (builtins.foldl' (a: b: b) "init" [ ]) ]
