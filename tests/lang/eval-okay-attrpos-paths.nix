# Every attribute an attribute path defines is located at the start of the path;
# sets merged from a literal and paths keep each attribute's own definition.
let
  pos = n: s: let p = builtins.unsafeGetAttrPos n s; in
    if p == null then null else "${toString p.line}:${toString p.column}";
  s = {
    a.b.c = 1;
    d = { e = 1; };
    d.f = 2;
    g.h = 1;
      g = { i = 2; };
    "quoted" = 3;
    ${"constant"} = 4;
  };
in [
  (pos "a" s) (pos "b" s.a) (pos "c" s.a.b)
  (pos "d" s) (pos "e" s.d) (pos "f" s.d)
  (pos "g" s) (pos "h" s.g) (pos "i" s.g)
  (pos "quoted" s) (pos "constant" s) (pos "missing" s)
  (pos "x" rec { x = 1; y = x; })
]
