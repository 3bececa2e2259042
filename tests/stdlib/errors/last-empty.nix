# nixpkgs: error: lists.last: list must not be empty!
let
  lib = import ../../../stdlib/lib;
in
lib.last [ ]
