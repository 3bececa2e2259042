# The filter of builtins.path must be a function.
builtins.path { path = ./lib/path/tree; filter = "no"; }
