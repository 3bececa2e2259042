let x = 1; in [ x (x + 1) "s" [ x ] ]
