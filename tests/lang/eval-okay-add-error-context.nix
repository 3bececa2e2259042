let
  ok = builtins.addErrorContext "unused" (1 + 1);
  lazy = builtins.addErrorContext (throw "never forced") "fine";
  caught = builtins.tryEval (builtins.addErrorContext "ctx" (throw "x"));
in
[ ok lazy caught (builtins.addErrorContext "a" [ (throw "not forced") ] != null) ]
