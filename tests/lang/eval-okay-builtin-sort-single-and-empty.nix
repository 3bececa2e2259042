[ (builtins.sort (a: b: throw "not called") [ 1 ]) (builtins.sort (a: b: throw "not called") [ ]) ]
