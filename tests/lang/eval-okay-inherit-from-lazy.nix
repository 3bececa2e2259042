let s = { x = 1; y = throw "lazy"; }; in (builtins.attrNames { inherit (s) x y; })
