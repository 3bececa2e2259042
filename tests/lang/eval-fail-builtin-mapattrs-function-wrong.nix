builtins.mapAttrs (x: x + 1) { a = 1; }
