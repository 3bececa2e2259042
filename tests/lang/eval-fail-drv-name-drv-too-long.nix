# A 208-character name passes the name check (at most 211), but NAME.drv is then too
# long for a store path name.
(derivation { name = builtins.concatStringsSep "" (builtins.genList (_: "abcdefghij") 20) + "abcdefgh"; system = "x"; builder = "/b"; }).outPath
