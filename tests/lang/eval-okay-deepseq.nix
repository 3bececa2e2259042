[ (builtins.deepSeq { a = [ 1 2 ]; } "ok") (builtins.deepSeq 1 2) ]
