scopedImport { secret = "injected"; } ./lib/uses-free-var-scoped.nix
