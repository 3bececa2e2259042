let v = { a = [ 1 2.5 "x" null true ]; b.c = "d"; }; in builtins.fromJSON (builtins.toJSON v) == v
