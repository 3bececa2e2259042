# storePath canonicalises the path, keeps a path below the store object, and takes a
# set through its outPath; the context is the store object.
let
  base = "/nix/store/5b0f43b6sr1xn2h6dcp0ghzw1d3xzbfa-some-source";
  p = builtins.storePath "/nix/store/./5b0f43b6sr1xn2h6dcp0ghzw1d3xzbfa-some-source/a/../b/";
in
{
  inherit p;
  context = builtins.getContext p;
  outPath = builtins.storePath { outPath = base; };
  # The character after the hash is not checked.
  plus = builtins.storePath "/nix/store/5b0f43b6sr1xn2h6dcp0ghzw1d3xzbfa+x";
}
