# __structuredAttrs: the attributes are serialised as JSON into the .drv (one
# __json env entry), so nested values, null, floats and bools are allowed; derivations
# and paths inside still add their context.
let
  mk = name: attrs: derivation ({ inherit name; system = "x"; builder = "/b"; __structuredAttrs = true; } // attrs);
  p = d: { inherit (d) drvPath outPath; };
  dep = derivation { name = "sa-dep"; system = "x"; builder = "/b"; outputs = [ "out" "lib" ]; };
  plain = mk "sa-plain" { };
  values = mk "sa-values" {
    str = "s\"\n";
    int = 42;
    neg = -3;
    float = 1.5;
    floatSmall = 0.1;
    floatBig = 1.0e20;
    t = true;
    f = false;
    n = null;
    list = [ 1 "two" [ 3 null ] { four = 4; } ];
    set = { a.b.c = [ ]; empty = { }; };
  };
  withDeps = mk "sa-deps" {
    src = ./lib/drv/hello.txt;
    tool = dep;
    lib = dep.lib;
    nested = { deeper = [ "${dep}/bin" ]; };
  };
  multi = mk "sa-multi" { outputs = [ "out" "dev" "doc" ]; };
  checks = mk "sa-checks" {
    outputChecks = {
      out = { allowedReferences = [ ]; maxSize = 1024; };
      dev = { disallowedRequisites = [ dep ]; };
    };
    outputs = [ "out" "dev" ];
  };
  notStructured = derivation { name = "sa-plain"; system = "x"; builder = "/b"; __structuredAttrs = false; };
  attrOrder1 = mk "sa-order" { a = 1; b = 2; };
  attrOrder2 = mk "sa-order" { b = 2; a = 1; };
  intVsFloat = mk "sa-num" { v = 1; };
  floatVsInt = mk "sa-num" { v = 1.0; };
in
{
  plain = p plain;
  values = p values;
  withDeps = p withDeps;
  withDepsContext = builtins.getContext withDeps.drvPath;
  multi = p multi;
  multiDev = multi.dev.outPath;
  checks = p checks;
  notStructured = p notStructured;
  orderSame = attrOrder1.drvPath == attrOrder2.drvPath;
  intVsFloat = p intVsFloat;
  floatVsInt = p floatVsInt;
}
