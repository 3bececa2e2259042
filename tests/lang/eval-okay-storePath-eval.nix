# builtins.storePath with --eval: the path is not checked for validity (nothing is
# realised); the result carries a plain path context and works as a derivation input.
let
  sp = builtins.storePath "/nix/store/5b0f43b6sr1xn2h6dcp0ghzw1d3xzbfa-some-source";
  sub = builtins.storePath "/nix/store/5b0f43b6sr1xn2h6dcp0ghzw1d3xzbfa-some-source/bin/tool";
  d = derivation { name = "uses-storepath"; system = "x"; builder = "/b"; src = sp; };
in
{
  inherit sp sub;
  context = builtins.getContext sp;
  subContext = builtins.getContext sub;
  d = { inherit (d) drvPath outPath; };
}
