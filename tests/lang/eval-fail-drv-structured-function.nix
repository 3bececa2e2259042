# With __structuredAttrs, values are converted to JSON: a function cannot be.
(derivation { name = "a"; system = "x"; builder = "/b"; __structuredAttrs = true; nested = { f = x: x; }; }).outPath
