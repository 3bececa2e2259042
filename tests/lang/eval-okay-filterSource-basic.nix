# builtins.filterSource: the path's base name, the filter's arguments, a string path.
let
  tree = ./lib/path/tree;
in
{
  all = builtins.filterSource (path: type: true) tree;
  noDirs = builtins.filterSource (path: type: type != "directory") tree;
  noLogs = builtins.filterSource (path: type: builtins.match ".*\\.log" path == null) (toString tree);
  sameAsPath = builtins.filterSource (path: type: type != "symlink") tree
    == builtins.path { path = tree; filter = path: type: type != "symlink"; };
  context = builtins.getContext (builtins.filterSource (path: type: false) tree);
}
