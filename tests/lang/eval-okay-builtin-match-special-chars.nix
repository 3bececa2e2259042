[ (builtins.match "a\\+b" "a+b") (builtins.match "[.]" ".") (builtins.match "a.c" "a\nc") (builtins.match "(.*)" "multi\nline") ]
