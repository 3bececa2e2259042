builtins.getAttr "fooo" { foo = 1; bar = 2; }
