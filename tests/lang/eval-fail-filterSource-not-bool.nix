# The filter of filterSource must return a Boolean.
builtins.filterSource (path: type: null) ./lib/path/tree
