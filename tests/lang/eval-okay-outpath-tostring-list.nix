toString [ { outPath = "a"; } "b" [ { outPath = "c"; } ] ]
