[ (builtins.typeOf builtins) (builtins ? builtins) (builtins.typeOf builtins.builtins) (builtins.builtins.map (x: x) [ 1 ]) ]
