# The second entry point: the corpus set with both overlays applied.
{ system ? "x86_64-linux" }:
import ./. {
  inherit system;
  overlays = [
    (import ./overlays/bump-libcompress.nix)
    (import ./overlays/scope.nix)
  ];
}
