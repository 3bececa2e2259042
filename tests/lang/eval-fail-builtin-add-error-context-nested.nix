let f = x: builtins.addErrorContext "in f with ${toString x}" (if x == 0 then throw "bottom" else f (x - 1)); in f 2
