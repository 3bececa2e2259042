# listToAttrs locates each attribute where its element's `value` is defined; of
# duplicate names the first wins, with its position.
let
  pos = n: s: let p = builtins.unsafeGetAttrPos n s; in
    if p == null then null else "${toString p.line}:${toString p.column}";
  mk = n: { name = n;   value = n; };
in [
  (pos "a" (builtins.listToAttrs [ { value = 1; name = "a"; } ]))
  (pos "a" (builtins.listToAttrs [ { name = "a"; value = 1; } { name = "a"; value = 2; } ]))
  (pos "b" (builtins.listToAttrs (map mk [ "a" "b" ])))
  (pos "c" (builtins.listToAttrs [ ({ name = "c"; } // {  value = 3; }) ]))
  (pos "d" (builtins.listToAttrs [ (builtins.mapAttrs (n: v: v) { name = "d"; value = 4; }) ]))
]
