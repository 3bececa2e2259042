[ (fromTOML "a = 1") (break 2) (builtins.typeOf fetchGit) (builtins.typeOf derivationStrict) __langVersion (builtins.typeOf __findFile) ]
