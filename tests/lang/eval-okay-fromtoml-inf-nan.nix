let t = builtins.fromTOML ''
  a = inf
  b = +inf
  c = -inf
  d = nan
  e = -nan
''; in [ t.a t.b t.c (t.d == t.d) (builtins.typeOf t.e) ]
