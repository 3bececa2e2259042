let
  p = "/nix/store/00000000000000000000000000000000-foo";
  d = "/nix/store/11111111111111111111111111111111-bar.drv";
  s = builtins.appendContext "x" { ${p} = { path = true; }; ${d} = { outputs = [ "out" "dev" ]; allOutputs = true; }; };
in {
  ctx = builtins.getContext s;
  has = [ (builtins.hasContext s) (builtins.hasContext "y") ];
  discarded = builtins.getContext (builtins.unsafeDiscardStringContext s);
  out = builtins.getContext (builtins.unsafeDiscardOutputDependency s);
  add = builtins.getContext (builtins.addDrvOutputDependencies (builtins.appendContext "" { ${d} = { path = true; }; }));
  str = s;
  empty = builtins.getContext (builtins.appendContext "z" { ${p} = { }; });
  both = builtins.getContext (builtins.appendContext s { ${p} = { path = true; }; });
}
