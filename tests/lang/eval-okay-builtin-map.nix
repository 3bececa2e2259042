[ (map (x: x + 1) [ 1 2 3 ]) (map (x: x) [ ]) (builtins.map toString [ 1 2 ]) ]
