[ (builtins.match "a$" "a") (builtins.match "^a" "a") (builtins.match "^$" "") (builtins.match "a^" "a") ]
