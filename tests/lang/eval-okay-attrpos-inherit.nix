# An inherited attribute is located at its name, in plain and recursive sets, with
# and without a source expression.
let
  pos = n: s: let p = builtins.unsafeGetAttrPos n s; in
    if p == null then null else "${toString p.line}:${toString p.column}";
  x = 1;
  y = 2;
  src = { a = 1; b = 2; };
  plain = { inherit x
              y; inherit (src)   a
     b; };
  recursive = rec {   inherit x; inherit ( src ) a; c = a; };
in [
  (pos "x" plain) (pos "y" plain) (pos "a" plain) (pos "b" plain)
  (pos "x" recursive) (pos "a" recursive) (pos "c" recursive)
]
