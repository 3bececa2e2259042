builtins.concatStringsSep "," [ "a" { outPath = "o"; } { __toString = _: "t"; } ]
