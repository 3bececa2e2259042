<nixpkgs
