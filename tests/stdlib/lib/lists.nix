# lib.lists. Each `# nixpkgs:` comment is the result nixpkgs' documentation gives.
let
  lib = import ../../../stdlib/lib;
  inherit (lib) lists;
in
{
  foldr = [
    (lib.foldr (a: b: a + b) 0 [ 1 2 3 ]) # nixpkgs: 6
    (lib.foldr (x: acc: [ x ] ++ acc) [ ] [ 1 2 3 ])
    (lib.foldr (x: acc: x) 0 [ 1 (throw "lazy") ]) # the accumulator is not needed
  ];
  foldl = [
    (lib.foldl (a: b: a + b) 0 [ 1 2 3 ]) # nixpkgs: 6
    (lib.foldl (acc: x: acc ++ [ x ]) [ ] [ 1 2 3 ])
    (lib.foldl (acc: x: x) 0 [ (throw "lazy") 2 ])
  ];
  foldl' = lib.foldl' (acc: x: acc + x) 0 [ 1 2 3 ]; # nixpkgs: 6
  foldl'Strict = builtins.tryEval (lib.foldl' (a: b: a) (throw "initial value forced") [ ]);
  imap0 = lib.imap0 (i: v: "${v}-${toString i}") [ "a" "b" ]; # nixpkgs: [ "a-0" "b-1" ]
  imap1 = lib.imap1 (i: v: "${v}-${toString i}") [ "a" "b" ]; # nixpkgs: [ "a-1" "b-2" ]
  ifilter0 = lib.ifilter0 (i: v: i == 0 || v > 2) [ 1 2 3 ]; # nixpkgs: [ 1 3 ]
  concatMap = lib.concatMap (x: [ x ] ++ [ "z" ]) [ "a" "b" ]; # nixpkgs: [ "a" "z" "b" "z" ]
  flatten = [
    (lib.flatten [ 1 [ 2 [ 3 ] 4 ] 5 ]) # nixpkgs: [1 2 3 4 5]
    (lib.flatten 1) # nixpkgs: [1]
  ];
  remove = lib.remove 3 [ 1 3 4 3 ]; # nixpkgs: [ 1 4 ]
  findSingle = [
    (lib.findSingle (x: x == 3) "none" "multiple" [ 1 3 3 ]) # nixpkgs: "multiple"
    (lib.findSingle (x: x == 3) "none" "multiple" [ 1 3 ]) # nixpkgs: 3
    (lib.findSingle (x: x == 3) "none" "multiple" [ 1 9 ]) # nixpkgs: "none"
  ];
  findFirst = [
    (lib.findFirst (x: x > 3) 7 [ 1 6 4 ]) # nixpkgs: 6
    (lib.findFirst (x: x > 9) 7 [ 1 6 4 ]) # nixpkgs: 7
    (lib.findFirst (x: x > 3) 7 [ 1 6 (throw "pred not called after a match") ])
  ];
  findFirstIndex = [
    (lib.findFirstIndex (x: x > 3) null [ 0 6 4 ]) # nixpkgs: 1
    (lib.findFirstIndex (x: x > 9) null [ 0 6 4 ]) # nixpkgs: null
  ];
  any = [
    (lib.any lib.isString [ 1 "a" { } ]) # nixpkgs: true
    (lib.any lib.isString [ 1 { } ]) # nixpkgs: false
  ];
  all = [
    (lib.all (x: x < 3) [ 1 2 ]) # nixpkgs: true
    (lib.all (x: x < 3) [ 1 2 3 ]) # nixpkgs: false
  ];
  count = lib.count (x: x == 3) [ 3 2 3 4 6 ]; # nixpkgs: 2
  optional = [
    (lib.optional true "foo") # nixpkgs: [ "foo" ]
    (lib.optional false "foo") # nixpkgs: [ ]
  ];
  optionals = [
    (lib.optionals true [ 2 3 ]) # nixpkgs: [ 2 3 ]
    (lib.optionals false [ 2 3 ]) # nixpkgs: [ ]
  ];
  toList = [
    (lib.toList [ 1 2 ]) # nixpkgs: [ 1 2 ]
    (lib.toList "hi") # nixpkgs: [ "hi" ]
  ];
  range = [
    (lib.range 2 4) # nixpkgs: [ 2 3 4 ]
    (lib.range 3 2) # nixpkgs: [ ]
  ];
  replicate = [
    (lib.replicate 3 "a") # nixpkgs: [ "a" "a" "a" ]
    (lib.replicate 2 true) # nixpkgs: [ true true ]
  ];
  partition = lib.partition (x: x > 2) [ 5 1 2 3 4 ]; # nixpkgs: { right = [ 5 3 4 ]; wrong = [ 1 2 ]; }
  groupBy = lib.groupBy (x: lib.boolToString (x > 2)) [ 5 1 2 3 4 ]; # nixpkgs: { true = [ 5 3 4 ]; false = [ 1 2 ]; }
  groupBy' = lib.groupBy' (acc: x: acc + x.value) 0 (x: x.name) [
    { name = "xfce"; value = 1; }
    { name = "xfce"; value = 2; }
    { name = "gnome"; value = 4; }
  ]; # nixpkgs (same shape): { gnome = 4; xfce = 3; }
  zipListsWith = lib.zipListsWith (a: b: a + b) [ "h" "l" ] [ "e" "o" ]; # nixpkgs: ["he" "lo"]
  zipLists = lib.zipLists [ 1 2 ] [ "a" "b" "c" ]; # nixpkgs: [ { fst = 1; snd = "a"; } { fst = 2; snd = "b"; } ]
  reverseList = lib.reverseList [ "b" "o" "j" ]; # nixpkgs: [ "j" "o" "b" ]
  sort = lib.sort (a: b: a < b) [ 5 3 7 ]; # nixpkgs: [ 3 5 7 ]
  sortOn = lists.sortOn lib.stringLength [ "aaa" "b" "cc" ];
  naturalSort = [
    (lib.naturalSort [ "disk11" "disk8" "disk100" "disk9" ]) # nixpkgs: ["disk8" "disk9" "disk11" "disk100"]
    (lib.naturalSort [ "10.46.133.149" "10.5.16.62" "10.54.16.25" ]) # nixpkgs: ["10.5.16.62" "10.46.133.149" "10.54.16.25"]
    (lib.naturalSort [ "v0.2" "v0.15" "v0.0.9" ]) # nixpkgs: [ "v0.0.9" "v0.2" "v0.15" ]
  ];
  compareLists = [
    (lib.compareLists lib.compare [ ] [ ]) # nixpkgs: 0
    (lib.compareLists lib.compare [ ] [ "a" ]) # nixpkgs: -1
    (lib.compareLists lib.compare [ "a" ] [ ]) # nixpkgs: 1
    (lib.compareLists lib.compare [ "a" "b" ] [ "a" "c" ]) # nixpkgs: -1
  ];
  take = [
    (lib.take 2 [ "a" "b" "c" "d" ]) # nixpkgs: [ "a" "b" ]
    (lib.take 2 [ ]) # nixpkgs: [ ]
  ];
  drop = [
    (lib.drop 2 [ "a" "b" "c" "d" ]) # nixpkgs: [ "c" "d" ]
    (lib.drop 2 [ ]) # nixpkgs: [ ]
  ];
  sublist = [
    (lib.sublist 1 3 [ "a" "b" "c" "d" "e" ]) # nixpkgs: [ "b" "c" "d" ]
    (lib.sublist 1 3 [ ]) # nixpkgs: [ ]
  ];
  last = lib.last [ 1 2 3 ]; # nixpkgs: 3
  lastEmpty = builtins.tryEval (lib.last [ ]);
  init = lib.init [ 1 2 3 ]; # nixpkgs: [ 1 2 ]
  headTail = [
    (lib.head [ 1 2 ])
    (lib.tail [ 1 2 ])
  ];
  unique = lib.unique [ 3 2 3 4 ]; # nixpkgs: [ 3 2 4 ]
  allUnique = [
    (lib.allUnique [ 3 2 3 4 ]) # nixpkgs: false
    (lib.allUnique [ 3 2 4 1 ]) # nixpkgs: true
  ];
  intersectLists = lib.intersectLists [ 1 2 3 ] [ 6 3 2 ]; # nixpkgs: [ 3 2 ]
  subtractLists = lib.subtractLists [ 3 2 ] [ 1 2 3 4 5 3 ]; # nixpkgs: [ 1 4 5 ]
  mutuallyExclusive = [
    (lib.mutuallyExclusive [ 1 2 ] [ 3 4 ])
    (lib.mutuallyExclusive [ 1 2 ] [ 2 4 ])
    (lib.mutuallyExclusive [ ] [ 1 ])
  ];
  builtinsReexported = [
    (lib.elem 2 [ 1 2 ])
    (lib.elemAt [ 1 2 ] 1)
    (lib.length [ 1 2 ])
    (lib.filter (x: x > 1) [ 1 2 ])
    (lib.map (x: x * 2) [ 1 2 ])
    (lib.genList (x: x * x) 4)
    (lib.concatLists [ [ 1 ] [ 2 3 ] ])
  ];
  listDfs = [
    (lib.listDfs true lib.hasPrefix [ "/home/user" "other" "/" "/home" ])
    # nixpkgs: { minimal = "/"; visited = [ "/home/user" ]; rest = [ "/home" "other" ]; }
    (lib.listDfs true lib.hasPrefix [ "/home/user" "other" "/" "/home" "/" ])
    (lib.listDfs true lib.hasPrefix [ ])
  ];
  toposort = [
    (lib.toposort lib.hasPrefix [ "/home/user" "other" "/" "/home" ])
    # nixpkgs: { result = [ "/" "/home" "/home/user" "other" ]; }
    (lib.toposort lib.hasPrefix [ "/home/user" "other" "/" "/home" "/" ])
    # nixpkgs: { cycle = [ "/home/user" "/" "/" ]; loops = [ "/" ]; }
    (lib.toposort lib.hasPrefix [ "other" "/home/user" "/home" "/" ])
    # nixpkgs: { result = [ "other" "/" "/home" "/home/user" ]; }
    (lib.toposort (a: b: a < b) [ 3 2 1 ]) # nixpkgs: { result = [ 1 2 3 ]; }
  ];
  forEach = lib.forEach [ 1 2 ] (x: toString x); # nixpkgs: [ "1" "2" ]
  crossLists = lib.crossLists (x: y: "${toString x}${toString y}") [ [ 1 2 ] [ 3 4 ] ]; # nixpkgs: [ "13" "14" "23" "24" ]
  singleton = lib.singleton "foo"; # nixpkgs: [ "foo" ]
}
