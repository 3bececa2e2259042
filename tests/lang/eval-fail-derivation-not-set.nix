# derivation takes a set.
derivation 1
