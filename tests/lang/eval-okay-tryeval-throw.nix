[ (builtins.tryEval (throw "caught")) (builtins.tryEval 1) (builtins.tryEval "s") ]
