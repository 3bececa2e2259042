# Float env values: written as their string coercion (toString: fixed notation, 6 decimals),
# not as the %g form the printer uses.
let
  mk = v: (derivation { name = "env-float"; system = "x"; builder = "/b"; inherit v; }).drvPath;
in
{
  f15 = mk 1.5;
  f01 = mk 0.1;
  f1e20 = mk 1.0e20;
  fSmall = mk 1.0e-5;
  fNeg = mk (-2.25);
  fWhole = mk 3.0;
  fPi = mk 3.14159265;
  sameAsPrinted = mk 1.5 == mk "1.5";
  sameAs15 = mk 1.5 == mk "1.500000";
  sameAsWhole = mk 3.0 == mk "3.000000";
  sameAsPi = mk 3.14159265 == mk "3.141593";
  sameAs1e20 = mk 1.0e20 == mk "100000000000000000000.000000";
  sameAsSmall = mk 1.0e-5 == mk "0.000010";
}
