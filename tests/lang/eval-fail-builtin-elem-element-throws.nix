builtins.elem 1 [ (throw "not compared") ]
