builtins.split "(a)?b" "xbyab"
