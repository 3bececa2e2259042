let f = x: x; in builtins.seq f { inherit f; }
