scopedImport { import = p: "hijacked"; } ./lib/imports-imported.nix
