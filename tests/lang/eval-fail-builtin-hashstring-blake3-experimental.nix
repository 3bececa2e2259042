builtins.hashString "blake3" "abc"
