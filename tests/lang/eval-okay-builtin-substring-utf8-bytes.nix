[ (builtins.substring 1 2 "héllo") (builtins.stringLength (builtins.substring 0 3 "日本")) ]
