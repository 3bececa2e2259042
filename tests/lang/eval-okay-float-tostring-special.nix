let inf = 1.0e308 * 10; in [ (toString inf) (toString (-inf)) (toString (inf - inf)) ]
