(builtins.listToAttrs [ { name = "a"; } ]).a
