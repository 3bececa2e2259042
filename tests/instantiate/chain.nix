# Chains of input derivations: a four-deep chain, a diamond, one input used through two
# of its outputs, and a whole-derivation dependency through drvPath.
let
  mk = name: attrs: derivation ({ inherit name; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo > $out" ]; } // attrs);
  c1 = mk "c1" { };
  c2 = mk "c2" { dep = c1; };
  c3 = mk "c3" { dep = "${c2}/bin"; };
  c4 = mk "c4" { deps = [ c3 c1 ]; };
  base = mk "base" { outputs = [ "out" "lib" "dev" ]; };
  left = mk "left" { dep = base; };
  right = mk "right" { dep = base.lib; };
  top = mk "top" { inherit left right; both = "${base.dev}:${base.lib}"; };
  whole = mk "whole" { drv = base.drvPath; text = "see ${c4.drvPath}"; };
in
[ c4 top whole ]
