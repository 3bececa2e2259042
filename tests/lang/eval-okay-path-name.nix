# builtins.path: the name (given, defaulted to the base name, empty means the default),
# the path as a path, a string or a set with outPath, and the result's context.
let
  named = builtins.path { path = ./lib/path/tree; name = "my-tree"; };
in
{
  inherit named;
  default = builtins.path { path = ./lib/path/tree; };
  empty = builtins.path { path = ./lib/path/tree; name = ""; };
  string = builtins.path { path = toString ./lib/path/tree; };
  outPath = builtins.path { path = { outPath = ./lib/path/tree; }; name = "via-outpath"; };
  file = builtins.path { path = ./lib/path/file.txt; };
  exe = builtins.path { path = ./lib/path/tree/run.sh; };
  context = builtins.getContext named;
  sameAsInterpolation = builtins.path { path = ./lib/path/tree; } == "${./lib/path/tree}";
}
