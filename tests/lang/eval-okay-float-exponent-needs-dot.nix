let e3 = "variable e3"; in [ 1e3 ]
