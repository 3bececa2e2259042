builtins.fromTOML (builtins.readFile ./lib/strings.toml)
