# Integer env values are written as their decimal representation.
let
  mk = v: (derivation { name = "env-int"; system = "x"; builder = "/b"; inherit v; }).drvPath;
in
{
  zero = mk 0;
  pos = mk 42;
  neg = mk (-7);
  big = mk 9223372036854775807;
  min = mk (-9223372036854775807 - 1);
  sameAsString = mk 42 == mk "42";
}
