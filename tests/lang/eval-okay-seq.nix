[ (builtins.seq 1 2) (builtins.seq { a = throw "shallow"; } "ok") (builtins.seq [ (throw "shallow") ] "ok") ]
