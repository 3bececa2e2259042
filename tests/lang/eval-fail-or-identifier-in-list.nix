let or = "x"; in [ or ]
