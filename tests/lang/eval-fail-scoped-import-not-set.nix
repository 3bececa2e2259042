scopedImport 1 ./lib/imported.nix
