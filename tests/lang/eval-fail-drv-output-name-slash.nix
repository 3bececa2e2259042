# An output name must make a valid store path name.
derivationStrict { name = "a"; system = "x"; builder = "/b"; outputs = [ "x/y" ]; }
