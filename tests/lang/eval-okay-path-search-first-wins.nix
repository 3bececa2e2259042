import <lib1/imported.nix>
