# __ignoreNulls drops null-valued attributes (but not false or "").
let
  base = { name = "ignore-nulls"; system = "x"; builder = "/b"; };
  mk = attrs: derivation (base // attrs);
  a = mk { __ignoreNulls = true; gone = null; kept = "k"; f = false; };
  b = mk { __ignoreNulls = true; kept = "k"; f = false; };
  c = mk { gone = null; kept = "k"; f = false; };
  d = mk { __ignoreNulls = false; gone = null; kept = "k"; f = false; };
in
{
  a = a.drvPath;
  b = b.drvPath;
  c = c.drvPath;
  d = d.drvPath;
  ab = a.drvPath == b.drvPath;
  ac = a.drvPath == c.drvPath;
  aAttrs = builtins.attrNames a.drvAttrs;
}
