let base = toString ../.; strip = p: builtins.substring (builtins.stringLength base) 1000 (toString p); in [ (strip ../lang) (strip ../lang/lib) (baseNameOf ../.) ]
