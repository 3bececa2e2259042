let s = "prefix-" + ./lib/data.json; in [ (builtins.typeOf s) (builtins.substring 0 7 s) ]
