# hashFile of files in lib/, as a path and as a plain string, with every algorithm.
map (algo: [ (builtins.hashFile algo ./lib/data.json) (builtins.hashFile algo (toString ./lib/strings.toml)) ])
  [ "md5" "sha1" "sha256" "sha512" ]
