"default.nix of lib/dir"
