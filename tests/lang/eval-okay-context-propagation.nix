# A string's context follows it through the string operations.
let
  p = "/nix/store/00000000000000000000000000000000-foo";
  d = "/nix/store/11111111111111111111111111111111-bar.drv";
  s = builtins.appendContext "ab" { ${p} = { path = true; }; };
  t = builtins.appendContext "cd" { ${d} = { outputs = [ "out" ]; }; };
  c = x: builtins.attrNames (builtins.getContext x);
in
{
  interpolated = c "${s}-${t}";
  added = c (s + t);
  substring = c (builtins.substring 0 1 s);
  emptySubstring = c (builtins.substring 5 1 s);
  joined = c (builtins.concatStringsSep s [ "x" "y" ]);
  replaced = c (builtins.replaceStrings [ "a" ] [ t ] s);
  json = c (builtins.toJSON [ s t ]);
  toStr = c (toString [ s t ]);
  discarded = builtins.hasContext (builtins.unsafeDiscardStringContext (s + t));
}
