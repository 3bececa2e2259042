# Small arithmetic thunks on evaluated integers are computed early; results, laziness
# and the cases left to ordinary evaluation (floats, unevaluated variables, errors never
# forced) are as the reference's.
let
  n = 5;
  t = true;
  big = 9223372036854775807;
  later = m + 1;
  m = 2;
  f = x: x;
  fib = k: if k < 2 then k else fib (k - 1) + fib (k - 2);
  nan = 1.0e308 * 10 - 1.0e308 * 10;
in
{
  ints = [ (f (n + 1)) (f (n - 7)) (f (n * n)) (f (n / 2)) (f (-n)) (f ((0 - n) / 2)) (f (n / (0 - 2))) ];
  bools = [ (f (n < 6)) (f (n >= 5)) (f (!t)) (f (n > 5)) (f (n <= 4)) ];
  inherit later;
  fib = fib 15;
  unforcedOverflow = builtins.length [ (big + 1) ];
  unforcedDivision = builtins.length [ (n / 0) ];
  floats = f (n * 1.5);
  nanSame = [ nan ] == [ nan ];
}
