# builtins.path with a sha256 that is not the hash of the (filtered) contents.
builtins.path {
  path = ./lib/path/tree;
  filter = path: type: type != "symlink";
  sha256 = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
}
