let l = [ (builtins.head l) ]; in builtins.head l
