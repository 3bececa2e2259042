builtins.convertHash { hash = "sha256-notbase64!"; toHashFormat = "base16"; }
