# Formals with `...` and exact formals given big sets with small overrides.
let
  big = builtins.listToAttrs (builtins.genList (i: { name = "n${toString i}"; value = i; }) 20);
  some = { a, n3, ... }: a + n3;
  exact = { a, n0 ? 5 }: a + n0;
in [ (some (big // { a = 1; })) (exact ({ n0 = 2; } // { a = 1; })) (exact { a = 1; }) ]
