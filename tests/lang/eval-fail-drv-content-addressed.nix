# __contentAddressed needs the ca-derivations experimental feature.
(derivation { name = "a"; system = "x"; builder = "/b"; __contentAddressed = true; }).outPath
