builtins.split "(a)(b)?" "xaybzab"
