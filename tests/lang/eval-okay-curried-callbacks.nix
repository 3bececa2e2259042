# Two-argument callbacks of foldl' and sort in every shape: curried lambdas (entered
# without making the inner closure), lambdas that are not curried that way, builtins
# and partial applications, and callbacks whose results capture their arguments.
let
  add = a: b: a + b;
  withLet = a: let c = a * 10; in b: c + b;
  formals = { k, ... }: b: k + b.k;
in
{
  sum = builtins.foldl' add 0 [ 1 2 3 ];
  prim = builtins.foldl' builtins.add 0 [ 1 2 3 ];
  partial = builtins.foldl' (builtins.foldl' add) 0 [ [ 1 2 ] [ 3 ] ];
  lets = builtins.foldl' withLet 0 [ 1 2 3 ];
  fromFormals = builtins.foldl' formals { k = 1; } [ { k = 2; } ];
  functions = (builtins.foldl' (f: x: y: f y + x) (y: y) [ 1 2 3 ]) 10;
  captured = map (f: f 1) (builtins.foldl' (acc: x: acc ++ [ (y: x + y) ]) [ ] [ 10 20 ]);
  sorted = builtins.sort (a: b: a < b) [ 3 1 2 ];
  sortedPrim = builtins.sort builtins.lessThan [ 3 1 2 ];
  sortedByKey = builtins.sort (a: b: a.k < b.k) [ { k = 2; } { k = 1; } ];
  three = builtins.foldl' (a: b: c: a + b + c) 1 [ 2 ] 3;
  caught = builtins.tryEval (builtins.foldl' (a: b: if b == 2 then throw "two" else a + b) 0 [ 1 2 ]);
}
