# builtins.path, flat, with the hash of other contents.
builtins.path { path = ./lib/path/file.txt; recursive = false; sha256 = builtins.hashString "sha256" "other"; }
