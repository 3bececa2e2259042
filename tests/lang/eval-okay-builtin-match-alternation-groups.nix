[ (builtins.match "(foo|bar)-(.*)" "bar-baz") (builtins.match "((a)|(b))+" "ab") (builtins.match "(a*)(a*)" "aaa") (builtins.match "([0-9]{2,3})-([0-9]+)" "123-4") ]
