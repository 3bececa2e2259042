let l = builtins.genList (i: if i == 1 then throw "only index 1 fails" else i) 3; in [ (builtins.elemAt l 0) (builtins.elemAt l 2) ]
