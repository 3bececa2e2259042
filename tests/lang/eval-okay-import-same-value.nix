(import ./lib/imported.nix) == (import ./lib/imported.nix)
