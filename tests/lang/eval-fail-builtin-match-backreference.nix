builtins.match "(a)\\1" "aa"
