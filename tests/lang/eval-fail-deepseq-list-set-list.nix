builtins.deepSeq [ 1 { a = [ (throw "deep") ]; } ] 1
