(import ./lib/imported.nix).value
