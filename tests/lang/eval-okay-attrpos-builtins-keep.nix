# `//`, removeAttrs and intersectAttrs keep the positions of the entries they keep
# (intersectAttrs those of its second set).
let
  pos = n: s: let p = builtins.unsafeGetAttrPos n s; in
    if p == null then null else "${toString p.line}:${toString p.column}";
  left = { a = 1; b = 2; };
  right = {   b = 3; c = 4; };
in [
  (pos "a" (left // right)) (pos "b" (left // right)) (pos "c" (left // right))
  (pos "b" (builtins.removeAttrs left [ "a" ]))
  (pos "b" (builtins.intersectAttrs left right))
  (pos "a" (builtins.getAttr "s" { s = { a = 1; }; }))
  (pos "a" ((s: s) { a = 1; }))
  (pos "a" (({ a, ... }@args: args) {    a = 1; }))
]
