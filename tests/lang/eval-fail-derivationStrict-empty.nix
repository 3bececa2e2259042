# derivationStrict of an empty set: the name is looked up first.
derivationStrict { }
