scopedImport { } ./lib/uses-free-var-scoped.nix
