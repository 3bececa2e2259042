let s = { x = 1; }; in { inherit (s) x y; }
