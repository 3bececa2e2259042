[ (builtins.match "" "") (builtins.match "()" "") (builtins.match "(a)|b" "b") (builtins.match "(x)*" "xxx") (builtins.match "a{2}" "aa") ]
