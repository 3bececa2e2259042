# A package file asking for an argument nothing gives, no name close to it.
let
  lib = import ../../../stdlib/lib;
in
lib.callPackageWith { name = "x"; } ../lib/data/package.nix { }
