builtins.deepSeq (throw "deepSeq forces the value itself") 1
