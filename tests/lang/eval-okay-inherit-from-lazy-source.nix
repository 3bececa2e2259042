builtins.attrNames { inherit (throw "source not forced") a b; }
