# functionArgs locates each formal where it is declared.
let
  pos = n: s: let p = builtins.unsafeGetAttrPos n s; in
    if p == null then null else "${toString p.line}:${toString p.column}";
  args = builtins.functionArgs ({ a, b ? 1,
      c ? a, ... }@all: a);
in [ (pos "a" args) (pos "b" args) (pos "c" args) (pos "all" args) ]
