# The string context carried by drvPath, outPath and per-output paths, and by strings
# combining them.
let
  d = derivation { name = "ctx"; system = "x"; builder = "/b"; outputs = [ "out" "dev" ]; };
  e = derivation { name = "ctx-other"; system = "x"; builder = "/b"; };
  ctx = builtins.getContext;
in
{
  drvPath = ctx d.drvPath;
  outPath = ctx d.outPath;
  dev = ctx d.dev.outPath;
  devString = ctx "${d.dev}";
  both = ctx "${d.out}:${d.dev}";
  withDrv = ctx "${d.drvPath} ${d.dev}";
  twoDrvs = ctx "${d} ${e} ${e.drvPath}";
  discarded = ctx (builtins.unsafeDiscardOutputDependency d.drvPath);
  discardedOut = ctx (builtins.unsafeDiscardOutputDependency d.outPath);
  noContext = builtins.unsafeDiscardStringContext d.outPath;
  hasContext = builtins.hasContext d.outPath;
  hasContextDrv = builtins.hasContext d.drvPath;
  hasContextDiscarded = builtins.hasContext (builtins.unsafeDiscardStringContext d.drvPath);
  hasContextName = builtins.hasContext d.name;
  hasContextDrvAttrsName = builtins.hasContext d.drvAttrs.name;
  toStringSet = ctx (toString d);
  allOutputsViaList = ctx (toString [ d.out d.dev ]);
  substr = ctx (builtins.substring 0 5 d.outPath);
  emptySubstr = ctx (builtins.substring 0 0 d.outPath);
}
