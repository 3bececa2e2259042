# A name that is just "." is not a valid store path name.
(derivation { name = "."; system = "x"; builder = "/b"; }).outPath
