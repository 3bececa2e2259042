# The order of `outputs` matters: the first one is the default output, and the .drv
# records the list (so the paths differ from the "out"-first variant).
let
  mk = outputs: derivation { name = "order"; system = "x"; builder = "/b"; inherit outputs; };
  a = mk [ "out" "dev" ];
  b = mk [ "dev" "out" ];
  c = mk [ "bin" ];
  d = mk [ "out" ];
  e = derivation { name = "order"; system = "x"; builder = "/b"; };
  f = mk [ "drv" ];
in
{
  a = { inherit (a) drvPath outPath outputName; dev = a.dev.outPath; };
  b = { inherit (b) drvPath outPath outputName; out = b.out.outPath; all = map (o: o.outputName) b.all; };
  c = { inherit (c) drvPath outPath outputName; names = builtins.attrNames c; };
  d = { inherit (d) drvPath outPath; };
  e = { inherit (e) drvPath outPath; };
  f = { inherit (f) drvPath outPath outputName; };
  aDevIsBDev = a.dev.outPath == b.dev.outPath;
  dIsE = d.drvPath == e.drvPath;
}
