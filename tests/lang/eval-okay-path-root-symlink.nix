# A symlink at the root of builtins.path or filterSource is followed; the default name
# is the link's own base name, and the filter sees the paths under the target.
let
  viaLink = builtins.path {
    path = ./lib/path/tree-link;
    filter = path: type: builtins.match ".*/tree/.*" path != null && type != "symlink";
  };
in
{
  inherit viaLink;
  same = viaLink == builtins.path {
    path = ./lib/path/tree;
    name = "tree-link";
    filter = path: type: type != "symlink";
  };
  filterSource = builtins.filterSource (path: type: true) ./lib/path/tree-link;
}
