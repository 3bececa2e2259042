# Output names are split at whitespace: a blank name leaves no output at all.
derivationStrict { name = "a"; system = "x"; builder = "/b"; outputs = [ " " ]; }
