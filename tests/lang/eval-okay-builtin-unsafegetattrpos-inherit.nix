let x = 1; s = { inherit x; }; p = builtins.unsafeGetAttrPos "x" s; in [ p.line p.column ]
