[ (builtins.toString 1) (toString "x") (builtins.toString == toString) ]
