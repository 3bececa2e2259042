builtins.stringLength (builtins.concatStringsSep "" (builtins.genList (x: "abcdefghij") 1000))
