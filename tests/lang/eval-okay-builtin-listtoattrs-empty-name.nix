builtins.listToAttrs [ { name = ""; value = "empty name"; } ]
