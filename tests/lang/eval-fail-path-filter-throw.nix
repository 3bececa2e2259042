# An error inside the filter, with the full trace.
builtins.path {
  path = ./lib/path/tree;
  filter = path: type: if type == "symlink" then throw "no symlinks: ${baseNameOf path}" else true;
}
