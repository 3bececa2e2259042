# builtins.path with a name that is not a valid store path name.
builtins.path { path = ./lib/path/tree; name = "my tree"; }
