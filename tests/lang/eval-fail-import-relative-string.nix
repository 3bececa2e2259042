import "lib/imported.nix"
