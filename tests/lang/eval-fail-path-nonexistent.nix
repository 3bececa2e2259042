# builtins.path of a path that does not exist.
builtins.path { path = ./lib/path/missing; filter = path: type: true; }
