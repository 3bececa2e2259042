scopedImport { map = "scoped map"; secret = "scoped secret"; } ./lib/scoped-shadows-global.nix
