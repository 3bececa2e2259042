builtins.lessThan [ 1 ] [ true ]
