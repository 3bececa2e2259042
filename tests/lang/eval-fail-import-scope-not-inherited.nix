let secret = "outer"; in import ./lib/uses-free-var.nix
