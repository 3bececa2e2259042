{ value = "from imported.nix"; n = 42; }
