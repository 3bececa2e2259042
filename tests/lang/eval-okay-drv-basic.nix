# The smallest derivations: name, system and builder, with and without args.
let
  a = derivation { name = "basic"; system = "x86_64-linux"; builder = "/bin/sh"; };
  b = derivation {
    name = "basic-args";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "echo hi > $out" "" ];
  };
  c = derivation { name = "basic"; system = "aarch64-darwin"; builder = "/bin/sh"; };
  d = derivation { name = "basic-1.0"; system = "test"; builder = "builder"; args = [ ]; };
in
{
  a = { inherit (a) drvPath outPath name system builder type outputName; };
  aNames = builtins.attrNames a;
  aDrvAttrs = a.drvAttrs;
  aHasOutputs = a ? outputs;
  aAll = map (o: o.outputName) a.all;
  aOutSame = a.out.outPath == a.outPath;
  aToString = "${a}";
  b = { inherit (b) drvPath outPath args; };
  c = { inherit (c) drvPath outPath; };
  d = { inherit (d) drvPath outPath; };
  isDrv = builtins.isAttrs a && a.type == "derivation";
}
