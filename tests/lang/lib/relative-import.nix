import ./dir/default.nix + " (via relative-import.nix)"
