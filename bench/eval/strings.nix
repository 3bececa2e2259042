# String building: interpolation, concatenation and concatStringsSep.
let
  parts = builtins.genList (i: "item-${toString i}") 200000;
  joined = builtins.concatStringsSep "," parts;
  lines = builtins.foldl' (acc: p: acc + p) "" (builtins.genList (i: "x") 20000);
  replaced = builtins.replaceStrings [ "item" ] [ "entry" ] joined;
in
builtins.stringLength joined + builtins.stringLength lines + builtins.stringLength replaced
