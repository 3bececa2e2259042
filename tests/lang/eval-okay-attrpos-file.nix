# The position's file is the defining file's full path, also through import.
let
  own = builtins.unsafeGetAttrPos "a" { a = 1; };
  imported = builtins.unsafeGetAttrPos "value" (import ./lib/imported.nix);
in [ own imported (builtins.attrNames own) ]
