let f = x: [ x ]; or = "or-value"; in f or
