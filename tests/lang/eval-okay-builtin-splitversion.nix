[ (builtins.splitVersion "1.2.3") (builtins.splitVersion "1.2pre3") (builtins.splitVersion "2.3a-b_c") (builtins.splitVersion "") (builtins.splitVersion "abc") (builtins.splitVersion "1..2") ]
