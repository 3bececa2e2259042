builtins.fromJSON ''{"a": 1, "b": [true, false, null], "c": {"d": "e"}, "f": 1.5, "g": -3, "h": 1e3, "i": 1E-2, "j": 0, "k": -0.5}''
