[ (builtins.split "^a" "aaa") (builtins.split "a$" "aaa") ]
