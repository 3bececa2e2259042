let d = { type = "derivation"; outPath = "/nix/store/abc"; drvPath = "/nix/store/abc.drv"; }; in builtins.toXML [ d d ]
