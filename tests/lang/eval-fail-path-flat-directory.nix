# builtins.path with recursive = false of a directory.
builtins.path { path = ./lib/path/tree; recursive = false; }
