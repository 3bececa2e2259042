let n = 1; str = "s"; in [ n n str str ]
