let s = {
  a = 1;
    b = 2;
}; p = builtins.unsafeGetAttrPos "b" s; in [ p.line p.column (baseNameOf p.file) (builtins.unsafeGetAttrPos "missing" s) ]
