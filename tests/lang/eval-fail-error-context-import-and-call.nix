import ./lib/function.nix { }
