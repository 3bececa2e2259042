# One-parameter lambdas whose body makes no thunk or closure: each call's scope is
# reused by later calls, so results made by one call must not change with the next.
let
  pair = x: { a = x; b = [ x x ]; };
  pick = x: if x > 2 then x else 0;
  count = x: builtins.length (map pick [ x x 7 ]);
  inner = x: pick x + pick (x + 1);
  thrower = x: if x == 3 then throw "three" else x;
  caught = map (x: (builtins.tryEval (thrower x)).value) [ 1 2 3 4 ];
  lazyArg = x: x;
  held = map lazyArg [ (pick 5) (pick 1) ];
  recurse = n: if n == 0 then 0 else 1 + recurse (n - 1);
in
{
  pairs = map pair [ 1 2 3 ];
  counts = map count [ 1 9 ];
  inners = map inner [ 1 2 3 4 ];
  inherit caught held;
  sorted = builtins.sort (a: b: a > b) [ 3 1 2 5 4 ];
  folded = builtins.foldl' (acc: x: acc + x) 0 (map pick (builtins.genList (i: i) 10));
  deep = recurse 500;
  filtered = builtins.filter (x: builtins.bitAnd x 1 == 0) (builtins.genList (i: i) 9);
}
