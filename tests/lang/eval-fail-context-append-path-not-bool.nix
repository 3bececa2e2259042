builtins.appendContext "x" { "/nix/store/00000000000000000000000000000000-foo" = { path = 1; }; }
