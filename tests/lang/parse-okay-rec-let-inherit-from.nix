s: rec { inherit (s) a; b = a; }
