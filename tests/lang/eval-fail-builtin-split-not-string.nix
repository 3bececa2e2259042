builtins.split "a" [ ]
