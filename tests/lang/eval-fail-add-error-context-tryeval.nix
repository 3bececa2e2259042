let
  caught = builtins.tryEval (builtins.addErrorContext "discarded" (throw "caught"));
in
if caught.success then 1 else builtins.addErrorContext "kept" (abort "not catchable")
