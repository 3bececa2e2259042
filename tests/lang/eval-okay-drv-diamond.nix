# A diamond: left and right both depend on base; top depends on both. Also the same
# derivation reached twice (by value and by string) only counts once.
let
  mk = name: attrs: derivation ({ inherit name; system = "x"; builder = "/b"; } // attrs);
  base = mk "base" { outputs = [ "out" "lib" ]; };
  left = mk "left" { dep = base; };
  right = mk "right" { dep = base.lib; };
  top = mk "top" { l = left; r = right; };
  top2 = mk "top" { r = right; l = left; };
  twice = mk "twice" { a = base; b = "${base}"; };
  once = mk "twice" { a = base; b = base.outPath; };
  p = x: { inherit (x) drvPath outPath; };
in
{
  base = p base;
  left = p left;
  right = p right;
  top = p top;
  attrOrderIrrelevant = top.drvPath == top2.drvPath;
  twice = p twice;
  onceSame = once.drvPath == twice.drvPath;
  topContext = builtins.getContext top.drvPath;
  topOutContext = builtins.getContext top.outPath;
  rightCtx = builtins.getContext (toString right.drvAttrs.dep);
}
