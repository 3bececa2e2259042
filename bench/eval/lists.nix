# List builtins over a million elements.
let
  xs = builtins.genList (i: i) 1000000;
  doubled = map (x: x * 2) xs;
  evens = builtins.filter (x: builtins.bitAnd x 3 == 0) doubled;
  total = builtins.foldl' (a: b: a + b) 0 evens;
  sorted = builtins.sort (a: b: a > b) (builtins.genList (i: builtins.bitXor i 21845) 200000);
in
total + builtins.length evens + builtins.head sorted + builtins.length (builtins.concatLists [ xs xs ])
