# The path of filterSource must be a path or an absolute path string.
builtins.filterSource (path: type: true) 42
