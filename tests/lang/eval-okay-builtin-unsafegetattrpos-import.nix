let p = builtins.unsafeGetAttrPos "n" (import ./lib/imported.nix); in [ p.line p.column (baseNameOf p.file) ]
