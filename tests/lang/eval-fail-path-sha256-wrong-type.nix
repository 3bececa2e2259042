# builtins.path takes only sha256 hashes.
builtins.path { path = ./lib/path/file.txt; sha256 = builtins.hashString "sha512" "x"; }
