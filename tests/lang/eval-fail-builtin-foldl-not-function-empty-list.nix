builtins.foldl' 1 "init" [ ]
