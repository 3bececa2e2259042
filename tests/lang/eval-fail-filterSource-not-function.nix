# The filter of filterSource must be a function.
builtins.filterSource true ./lib/path/tree
