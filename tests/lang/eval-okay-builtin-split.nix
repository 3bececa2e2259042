[ (builtins.split "," "a,b,c") (builtins.split "(,)" "a,b") (builtins.split "([ab])" "xaybz") (builtins.split "x" "") (builtins.split "x" "abc") (builtins.split "(a)|(b)" "1a2b3") ]
