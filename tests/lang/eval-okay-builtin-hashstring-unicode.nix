[ (builtins.hashString "sha1" "é") (builtins.hashString "sha256" "line\n") ]
