# lib.lists: folds, slicing, searching and set-like operations on lists.
{ lib }:
# The builtins inherited below are also the names the functions use.
rec {
  inherit (builtins)
    length
    elemAt
    genList
    filter
    head
    tail
    map
    elem
    concatLists
    concatMap
    all
    any
    sort
    partition
    groupBy
    isList
    ;

  singleton = x: [ x ];
  forEach = xs: f: map f xs;

  # foldr op nul [ a b c ] = op a (op b (op c nul)); lazy in the accumulator.
  foldr =
    op: nul: list:
    let
      n = length list;
      from = i: if i == n then nul else op (elemAt list i) (from (i + 1));
    in
    from 0;
  # nixpkgs' old name of foldr.
  fold = foldr;
  # foldl op nul [ a b c ] = op (op (op nul a) b) c; lazy in the accumulator.
  foldl =
    op: nul: list:
    let
      upTo = i: if i < 0 then nul else op (upTo (i - 1)) (elemAt list i);
    in
    upTo (length list - 1);
  # Strict: the initial value is forced as well.
  foldl' = op: acc: builtins.seq acc (builtins.foldl' op acc);

  imap0 = f: list: genList (i: f i (elemAt list i)) (length list);
  imap1 = f: list: genList (i: f (i + 1) (elemAt list i)) (length list);
  ifilter0 =
    pred: list:
    map (i: elemAt list i) (filter (i: pred i (elemAt list i)) (genList (i: i) (length list)));

  flatten = x: if builtins.isList x then concatMap flatten x else [ x ];
  remove = e: filter (x: x != e);

  findSingle =
    pred: default: multiple: list:
    let
      found = filter pred list;
    in
    if found == [ ] then
      default
    else if length found > 1 then
      multiple
    else
      head found;
  # The predicate is not called past the first match.
  findFirstIndex =
    pred: default: list:
    let
      # null until found, then the index
      found = builtins.foldl' (
        acc: i: if acc != null then acc else if pred (elemAt list i) then i else null
      ) null (genList (i: i) (length list));
    in
    if found == null then default else found;
  findFirst =
    pred: default: list:
    let
      i = findFirstIndex pred null list;
    in
    if i == null then default else elemAt list i;

  count = pred: builtins.foldl' (n: x: if pred x then n + 1 else n) 0;

  optional = cond: elem: if cond then [ elem ] else [ ];
  optionals = cond: elems: if cond then elems else [ ];
  toList = x: if builtins.isList x then x else [ x ];
  range = first: last: if first > last then [ ] else genList (i: first + i) (last - first + 1);
  replicate = n: x: genList (_: x) n;

  groupBy' =
    op: nul: key: list:
    builtins.mapAttrs (_: foldl op nul) (builtins.groupBy key list);

  zipListsWith =
    f: xs: ys:
    genList (i: f (elemAt xs i) (elemAt ys i)) (lib.trivial.min (length xs) (length ys));
  zipLists = zipListsWith (fst: snd: { inherit fst snd; });
  reverseList =
    list:
    let
      n = length list;
    in
    genList (i: elemAt list (n - 1 - i)) n;

  # Lexicographic comparison of two lists with cmp on their elements.
  compareLists =
    cmp: a: b:
    if a == [ ] then
      (if b == [ ] then 0 else -1)
    else if b == [ ] then
      1
    else
      let
        c = cmp (head a) (head b);
      in
      if c == 0 then compareLists cmp (tail a) (tail b) else c;
  # Sorts strings with their runs of digits compared as numbers.
  naturalSort =
    list:
    let
      key = s: map (part: if builtins.isList part then builtins.fromJSON (head part) else part) (builtins.split "(0|[1-9][0-9]*)" s);
      keyed = map (s: {
        k = key s;
        inherit s;
      }) list;
    in
    map (x: x.s) (sort (a: b: compareLists lib.trivial.compare a.k b.k < 0) keyed);
  sortOn =
    f: list:
    map (x: x.v) (
      sort (a: b: a.k < b.k) (
        map (v: {
          k = f v;
          inherit v;
        }) list
      )
    );

  sublist =
    start: count: list:
    let
      n = length list;
      size =
        if start >= n then
          0
        else if start + count > n then
          n - start
        else
          count;
    in
    genList (i: elemAt list (start + i)) size;
  take = count: sublist 0 count;
  drop = count: list: sublist count (length list) list;
  last =
    list:
    assert lib.asserts.assertMsg (list != [ ]) "lists.last: list must not be empty!";
    elemAt list (length list - 1);
  init =
    list:
    assert lib.asserts.assertMsg (list != [ ]) "lists.init: list must not be empty!";
    take (length list - 1) list;

  unique = builtins.foldl' (acc: x: if elem x acc then acc else acc ++ [ x ]) [ ];
  allUnique = list: length (unique list) == length list;
  intersectLists = e: filter (x: elem x e);
  subtractLists = e: filter (x: !(elem x e));
  mutuallyExclusive = a: b: a == [ ] || !(any (x: elem x a) b);

  # [ f ] applied to each combination of one element of each list, the last list
  # varying fastest.
  crossLists = f: builtins.foldl' (fs: xs: concatMap (g: map g xs) fs) [ f ];

  # Depth-first search for an element nothing else in the list comes before.
  listDfs =
    stopOnCycles: before: list:
    let
      visit =
        current: visited: rest:
        let
          loops = filter (v: before v current) visited;
          split = partition (x: before x current) rest;
        in
        if stopOnCycles && loops != [ ] then
          {
            cycle = current;
            inherit loops visited rest;
          }
        else if split.right == [ ] then
          {
            minimal = current;
            inherit visited rest;
          }
        else
          visit (head split.right) ([ current ] ++ visited) (tail split.right ++ split.wrong);
    in
    if list == [ ] then { } else visit (head list) [ ] (tail list);

  # Sorts so that `before a b` puts a first; { result = ...; } or, on a cycle,
  # { cycle = ...; loops = ...; }.
  toposort =
    before: list:
    let
      first = listDfs true before list;
      others = toposort before (first.visited ++ first.rest);
    in
    if length list < 2 then
      { result = list; }
    else if first ? cycle then
      {
        cycle = reverseList ([ first.cycle ] ++ first.visited);
        inherit (first) loops;
      }
    else if others ? cycle then
      others
    else
      { result = [ first.minimal ] ++ others.result; };
}
