builtins.match "[" "x"
