true false
