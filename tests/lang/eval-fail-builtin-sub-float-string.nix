builtins.sub 1.5 "a"
