let cfg = { enable = true; package = 1; }; in { inherit (cfg) enabled; }.enabled
