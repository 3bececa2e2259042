# derivationStrict itself rejects an empty output list.
derivationStrict { name = "a"; system = "x"; builder = "/b"; outputs = [ ]; }
