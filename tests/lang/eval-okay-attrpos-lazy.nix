# Without --strict, the line and column of a position print as unevaluated code.
builtins.unsafeGetAttrPos "a" { a = 1; }
