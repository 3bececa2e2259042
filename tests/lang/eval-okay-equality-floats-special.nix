let inf = 1.0e308 * 10; nan = inf - inf; in [ (inf == inf) ([ nan ] == [ nan ]) (let l = [ nan ]; in l == l) ]
