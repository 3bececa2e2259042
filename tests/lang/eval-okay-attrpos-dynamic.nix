# Dynamic attributes are located at the start of their attribute path too.
let
  pos = n: s: let p = builtins.unsafeGetAttrPos n s; in
    if p == null then null else "${toString p.line}:${toString p.column}";
  k = "dyn";
  s = {
    ${k} = 1;
      "${k}2" = 2;
    x.${k}.y = 3;
    ${k + "3"}.z = 4;
  };
  r = rec { ${k} = 5; other = 6; };
in [
  (pos "dyn" s) (pos "dyn2" s) (pos "x" s) (pos "dyn" s.x) (pos "y" s.x.dyn)
  (pos "dyn3" s) (pos "z" s.dyn3) (pos "dyn" r) (pos "other" r)
]
