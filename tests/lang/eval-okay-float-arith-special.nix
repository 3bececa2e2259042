let inf = 1.0e308 * 10; in [ (inf + 1) (inf * 0 == inf * 0) (-inf) (1 / inf) (inf - inf == 0) ]
