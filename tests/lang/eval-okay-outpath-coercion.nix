let d = { outPath = "/some/out"; }; in [ (toString d) "${d}" ("x" + d) ]
