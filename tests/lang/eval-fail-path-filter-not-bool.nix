# The filter of builtins.path must return a Boolean.
builtins.path { path = ./lib/path/tree; filter = path: type: type; }
