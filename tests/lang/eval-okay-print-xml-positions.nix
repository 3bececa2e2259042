let x = 1; k = "dyn"; in rec {
  a.b.c = x;
  inherit x;
  ${k} = { y = 2; };
  m = builtins.mapAttrs (n: v: v) { z = 1; };
  l = builtins.listToAttrs [ { name = "n"; value = 1; } ];
  f = { p ? 1, ... }@args: p;
  s = builtins.toXML { q = 1; };
  u = { v = 1; } // { w = 2; };
}
