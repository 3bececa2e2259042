map (x: (builtins.tryEval x).success) [ 1 (throw "x") (assert false; 1) "s" ]
