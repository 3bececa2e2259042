# Ferrix's standard library, reachable as <ferrix>: `import <ferrix> {}` gives a
# package-set-shaped attribute set. It is embedded in the ferrix binary and written to
# the store (as the source path ferrix-stdlib) the first time it is looked up.
# `mirrors` (SITE = [ URL prefixes ]) is what fetchurl's mirror:// URLs stand for.
# `config` is nixpkgs' configuration for check-meta (allowBroken, allowUnfree,
# allowUnfreePredicate, allowUnsupportedSystem, ...: see stdenv/check-meta.nix).
{ mirrors ? { }, config ? { }, ... }:
let
  lib = import ./lib;
  stdenvs = import ./stdenv { inherit lib config; };
  trivial = import ./trivial-builders.nix { inherit lib; inherit (stdenvs) stdenv stdenvNoCC; };
  fetchurl = import ./fetchurl.nix { inherit lib mirrors; };
  buildEnv = import ./build-env.nix { inherit lib; inherit (stdenvs) stdenvNoCC; inherit (trivial) writeClosure; };
  buildSupport = import ./build-support { inherit lib; inherit (stdenvs) stdenvNoCC; inherit (trivial) runCommand; };
in
{ inherit lib config fetchurl buildEnv; } // stdenvs // trivial
// buildSupport
