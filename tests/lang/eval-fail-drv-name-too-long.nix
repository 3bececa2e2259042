# A name longer than 211 characters does not fit a store path.
(derivation { name = builtins.concatStringsSep "" (builtins.genList (_: "abcdefghij") 22); system = "x"; builder = "/b"; }).outPath
