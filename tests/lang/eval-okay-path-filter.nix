# builtins.path with a filter: by type, by name, excluding a directory (not entered),
# keeping everything (the unfiltered path) and nothing (an empty directory).
let
  tree = ./lib/path/tree;
  add = name: filter: builtins.path { path = tree; inherit name filter; };
in
{
  all = add "t" (path: type: true) == builtins.path { path = tree; name = "t"; };
  none = add "none" (path: type: false);
  noDirs = add "no-dirs" (path: type: type != "directory");
  noSymlinks = add "no-symlinks" (path: type: type != "symlink");
  onlyRegular = add "only-regular" (path: type: type == "regular" || type == "directory");
  noLogs = add "no-logs" (path: type: builtins.match ".*\\.log" path == null);
  noSkip = add "no-skip" (path: type: baseNameOf path != "skip");
  noDeep = add "no-deep" (path: type: !(type == "directory" && baseNameOf path == "deep"));
  # Paths are strings below the root.
  prefixed = add "prefixed" (path: type:
    builtins.isString path && builtins.substring 0 (builtins.stringLength (toString tree)) path == toString tree);
  # With the hash of what is kept: a source path (the same as without the hash).
  withHash = builtins.path {
    path = tree;
    name = "no-logs";
    filter = path: type: builtins.match ".*\\.log" path == null;
    sha256 = "1fvc52k0x0vzfpfkwrdq87clgzbr1s7772lvrm5x3wqaw2p3l5lx";
  };
}
