# true becomes "1"; false and null become "" (and the attribute is still present).
let
  mk = attrs: (derivation ({ name = "env-bool"; system = "x"; builder = "/b"; } // attrs)).drvPath;
in
{
  t = mk { v = true; };
  f = mk { v = false; };
  n = mk { v = null; };
  e = mk { v = ""; };
  none = mk { };
  trueIsOne = mk { v = true; } == mk { v = "1"; };
  falseIsEmpty = mk { v = false; } == mk { v = ""; };
  nullIsEmpty = mk { v = null; } == mk { v = ""; };
  emptyNotAbsent = mk { v = ""; } == mk { };
}
