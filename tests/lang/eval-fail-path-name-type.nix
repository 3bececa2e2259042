# The name of builtins.path must be a string.
builtins.path { path = ./lib/path/tree; name = 42; }
