scopedImport { x = 1; } ./lib/imports-imported.nix
