# builtins.path rejects attributes it does not know.
builtins.path { path = ./lib/path/tree; hash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="; }
