builtins.attrValues (builtins.mapAttrs (n: v: n) { z = 1; a = 2; })
