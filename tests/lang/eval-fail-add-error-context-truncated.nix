let
  a = { b = { c = { d = builtins.addErrorContext "deep context" (throw "deep failure"); }; }; };
  f = x: builtins.addErrorContext ./some-path (x.b.c.d);
in
{ r = builtins.addErrorContext "top context" (f a); }.r
