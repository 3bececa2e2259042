# nixpkgs: error: toInt: Ambiguity in interpretation of "00024" between octal and zero padded integer.
let
  lib = import ../../../stdlib/lib;
in
lib.toInt "00024"
