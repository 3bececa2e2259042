# unsafeDiscardOutputDependency turns drvPath's whole-derivation context into a plain
# path context: used as an input, the .drv file becomes an input source rather than an
# input derivation (which also works in --eval mode).
let
  a = derivation { name = "dod-a"; system = "x"; builder = "/b"; outputs = [ "out" "dev" ]; };
  mk = v: derivation { name = "dod-b"; system = "x"; builder = "/b"; inherit v; };
  b = mk (builtins.unsafeDiscardOutputDependency a.drvPath);
  c = mk (builtins.unsafeDiscardStringContext a.drvPath);
  d = mk "${builtins.unsafeDiscardOutputDependency a.drvPath}!dev";
  p = x: { inherit (x) drvPath outPath; };
in
{
  a = p a;
  b = p b;
  c = p c;
  d = p d;
  bVsC = b.drvPath == c.drvPath;
  bContext = builtins.getContext b.drvAttrs.v;
}
