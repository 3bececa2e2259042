[ (builtins.hashString "sha256" "") (builtins.hashString "md5" "") ]
