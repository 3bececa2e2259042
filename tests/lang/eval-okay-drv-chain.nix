# Derivations depending on other derivations through their outputs. (Depending on a
# whole .drv through drvPath needs the .drv in the store: see
# eval-fail-drv-input-drvpath-eval-mode.nix.)
let
  mk = name: attrs: derivation ({ inherit name; system = "x"; builder = "/b"; } // attrs);
  a = mk "a" { outputs = [ "out" "dev" ]; };
  viaDefault = mk "via-default" { dep = "${a}"; };
  viaDev = mk "via-dev" { dep = "${a.dev}"; };
  viaBoth = mk "via-both" { deps = [ a.out a.dev ]; };
  viaBothOneString = mk "via-both" { deps = "${a.out} ${a.dev}"; };
  viaArgs = mk "via-args" { args = [ "${a.dev}/lib" ]; };
  viaBuilder = mk "via-builder" { builder = "${a}/bin/sh"; };
  # a chain four deep
  c1 = mk "c1" { };
  c2 = mk "c2" { dep = c1; };
  c3 = mk "c3" { dep = "prefix-${c2}-suffix"; };
  c4 = mk "c4" { dep = [ c3 "x" ]; };
  p = x: { inherit (x) drvPath outPath; };
in
{
  a = { inherit (a) drvPath outPath; dev = a.dev.outPath; };
  viaDefault = p viaDefault;
  viaDev = p viaDev;
  viaBoth = p viaBoth;
  viaBothOneString = p viaBothOneString;
  viaArgs = p viaArgs;
  viaBuilder = p viaBuilder;
  c1 = p c1;
  c2 = p c2;
  c3 = p c3;
  c4 = p c4;
  depIsCoerced = viaDefault.drvAttrs.dep == a.outPath;
}
