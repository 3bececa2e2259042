builtins.toFile "x" (builtins.appendContext "y" { "/nix/store/11111111111111111111111111111111-bar.drv" = { outputs = [ "out" ]; }; })
