# `f a b` in every shape of `f`: built-ins taking exactly two, more (a partial
# application) or fewer (the result is called), partial applications, curried and
# other lambdas, functors, and functions returned by functions.
let
  add = a: b: a + b;
  withLet = a: let c = a * 10; in b: c + b;
  formals = { x }: b: x + b;
  functor = { __functor = self: a: b: a * b; };
  three = a: b: c: a + b + c;
  choose = c: if c then add else builtins.sub;
  sub = builtins.sub;
  subFrom10 = builtins.sub 10;
in
{
  primTwo = builtins.bitAnd 12 10;
  primThree = (builtins.substring 1 2) "hello";
  primThreeFull = builtins.substring 1 2 "hello";
  partial = subFrom10 3;
  throughVariable = sub 7 2;
  primOne = builtins.head [ add ] 1 2;
  curried = add 1 2;
  notCurried = withLet 1 2;
  fromFormals = formals { x = 1; } 2;
  viaFunctor = functor 6 7;
  threeArgs = three 1 2 3;
  chosen = [ (choose true 5 3) (choose false 5 3) ];
  foldedPartial = builtins.foldl' builtins.add 0 [ 1 2 3 ];
  lazyArgs = (a: b: a) 1 (throw "unused");
  mapped = map (builtins.mul 3) [ 1 2 ];
  caught = builtins.tryEval (add 1 (throw "boom"));
  nested = builtins.elemAt (builtins.genList (i: i * i) 5) 3;
}
