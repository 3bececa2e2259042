# __impure needs the impure-derivations experimental feature.
(derivation { name = "a"; system = "x"; builder = "/b"; __impure = true; }).outPath
