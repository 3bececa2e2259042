builtins.intersectAttrs { a = "first"; } { a = "second"; b = "other"; }
