let f = x: 42; in f (throw "never forced")
