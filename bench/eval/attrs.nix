# Building and merging attribute sets.
let
  n = 100000;
  names = builtins.genList (i: "attr${toString i}") n;
  big = builtins.listToAttrs (map (name: { inherit name; value = builtins.stringLength name; }) names);
  merged = builtins.foldl' (acc: i: acc // { "k${toString (builtins.bitAnd i 1023)}" = i; }) { } (builtins.genList (i: i) 20000);
  mapped = builtins.mapAttrs (k: v: v + 1) big;
  sum = builtins.foldl' (a: k: a + mapped.${k}) 0 (builtins.attrNames mapped);
in
sum + builtins.length (builtins.attrNames merged) + builtins.length (builtins.attrValues (big // mapped))
