# A fixed-output derivation's output path depends on its hash and name only, and a
# derivation using it depends on that path: different builders give different .drv files
# but the same output paths, also downstream.
let
  fod = builder: derivation {
    name = "fetched";
    system = "x";
    inherit builder;
    outputHashAlgo = "sha256";
    outputHashMode = "recursive";
    outputHash = "sha256-QMjFRp+VOQYCXbkPZiG9QdM5ROWFqk85pIfr56XGn18=";
  };
  f1 = fod "/bin/curl";
  f2 = fod "/bin/wget";
  user = f: derivation { name = "user"; system = "x"; builder = "/b"; src = f; };
  u1 = user f1;
  u2 = user f2;
  top = u: derivation { name = "top"; system = "x"; builder = "/b"; dep = "${u}/bin"; };
  t1 = top u1;
  t2 = top u2;
  p = d: { inherit (d) drvPath outPath; };
in
{
  f1 = p f1;
  f2 = p f2;
  u1 = p u1;
  u2 = p u2;
  t1 = p t1;
  t2 = p t2;
  fodSameOut = f1.outPath == f2.outPath;
  fodDiffDrv = f1.drvPath != f2.drvPath;
  userSameOut = u1.outPath == u2.outPath;
  userDiffDrv = u1.drvPath != u2.drvPath;
  topSameOut = t1.outPath == t2.outPath;
  u1Context = builtins.getContext u1.drvAttrs.src.outPath;
}
