# Sets built by these builtins carry no positions: unsafeGetAttrPos gives null.
let
  pos = n: s: builtins.unsafeGetAttrPos n s;
in [
  (pos "a" (builtins.mapAttrs (n: v: v) { a = 1; }))
  (pos "a" (builtins.zipAttrsWith (n: v: v) [ { a = 1; } ]))
  (pos "a" (builtins.groupBy (x: "a") [ 1 ]))
  (pos "right" (builtins.partition (x: true) [ 1 ]))
  (pos "name" (builtins.parseDrvName "hello-1.0"))
  (pos "a" (builtins.fromJSON ''{"a": 1}''))
  (pos "a" (builtins.fromTOML "a = 1"))
  (pos "value" (builtins.tryEval 1))
  (pos "file" __curPos)
  (pos "map" builtins)
  (pos "line" (builtins.unsafeGetAttrPos "a" { a = 1; }))
  (pos "a" { })
]
