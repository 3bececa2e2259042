# The path of builtins.path must be absolute.
builtins.path { path = "lib/path/tree"; }
