builtins.toXML [ (1 + "a") ]
