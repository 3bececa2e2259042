# nixpkgs: assert assertMsg ("foo" == "bar") "foo is not bar, silly"; "" fails with
# "error: foo is not bar, silly"
let
  lib = import ../../../stdlib/lib;
in
assert lib.assertMsg ("foo" == "bar") "foo is not bar, silly";
""
