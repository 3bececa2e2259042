# derivation without a name attribute.
derivation { system = "x"; builder = "/b"; }
