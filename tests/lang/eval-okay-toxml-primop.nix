builtins.toXML [ builtins.map (builtins.map (x: x)) ]
