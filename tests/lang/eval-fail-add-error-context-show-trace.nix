let
  check = n: builtins.addErrorContext "while checking item ${toString n}"
    (if n > 2 then throw "item ${toString n} is too big" else check (n + 1));
  start = builtins.addErrorContext "in start" (check 0);
in
builtins.addErrorContext { __toString = self: "outermost (via __toString)"; } start
