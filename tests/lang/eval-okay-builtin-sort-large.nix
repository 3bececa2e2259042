let l = builtins.genList (x: builtins.bitXor (x * 7919) 4093) 500; s = builtins.sort builtins.lessThan l; in [ (builtins.head s) (builtins.elemAt s 499) (builtins.length s) ]
