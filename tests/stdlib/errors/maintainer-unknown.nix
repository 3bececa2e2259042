# nixpkgs: error: attribute 'nobody-at-all' missing
let
  lib = import ../../../stdlib/lib;
in
lib.maintainers.nobody-at-all
