builtins.split "[[:space:]]+" "  a b\t\nc  "
