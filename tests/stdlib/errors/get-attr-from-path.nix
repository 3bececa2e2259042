# nixpkgs aborts: cannot find attribute 'a.c'
let
  lib = import ../../../stdlib/lib;
in
lib.getAttrFromPath [ "a" "c" ] { a.b = 1; }
