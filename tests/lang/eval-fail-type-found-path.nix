builtins.length /a/b
