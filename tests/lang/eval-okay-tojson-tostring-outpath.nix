builtins.toJSON [ { __toString = _: "ts"; } { outPath = "op"; a = 1; } ]
