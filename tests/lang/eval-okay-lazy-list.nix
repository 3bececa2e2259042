let l = [ 1 (throw "lazy element") (abort "lazy abort") ]; in [ (builtins.length l) (builtins.head l) ]
