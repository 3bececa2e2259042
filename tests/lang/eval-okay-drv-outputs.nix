# Multiple outputs: every output has its own outPath; the first listed is the default.
let
  d = derivation { name = "multi"; system = "x"; builder = "/b"; outputs = [ "out" "dev" "bin" ]; };
  show = o: { inherit (o) outPath drvPath outputName; };
in
{
  default = show d;
  out = show d.out;
  dev = show d.dev;
  bin = show d.bin;
  devOutPath = (d.dev).outPath;
  devToString = "${d.dev}";
  all = map (o: o.outputName) d.all;
  names = builtins.attrNames d;
  devNames = builtins.attrNames d.dev;
  outputs = d.outputs;
  type = d.dev.type;
  drvAttrsOutputs = d.drvAttrs.outputs;
  sameDrv = d.drvPath == d.dev.drvPath && d.dev.drvPath == d.bin.drvPath;
  defaultIsOut = d.outPath == d.out.outPath;
  nested = d.dev.bin.out.dev.outputName;
}
