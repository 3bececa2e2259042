# Ferrix's standard library, reachable as <ferrix>: `import <ferrix> {}` gives a
# package-set-shaped attribute set. It is embedded in the ferrix binary and written to
# the store (as the source path ferrix-stdlib) the first time it is looked up.
{ ... }:
let
  lib = import ./lib;
  stdenvs = import ./stdenv { inherit lib; };
  trivial = import ./trivial-builders.nix { inherit lib; inherit (stdenvs) stdenv stdenvNoCC; };
  buildEnv = import ./build-env.nix { inherit lib; inherit (stdenvs) stdenvNoCC; };
in
{ inherit lib buildEnv; } // stdenvs // trivial
