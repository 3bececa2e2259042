# List helpers, with the names and meanings of nixpkgs' lib.lists.
{ lib }:
let
  inherit (builtins) length elemAt genList filter elem head tail foldl';
in
rec {
  # Right fold: op x1 (op x2 (... (op xn nul))).
  foldr = op: nul: list:
    let
      len = length list;
      go = n: if n == len then nul else op (elemAt list n) (go (n + 1));
    in go 0;

  foldl = op: nul: list:
    let go = n: if n == -1 then nul else op (go (n - 1)) (elemAt list n);
    in go (length list - 1);

  inherit foldl';

  # [ x ] if cond, else [ ].
  optional = cond: elem: if cond then [ elem ] else [ ];
  # list if cond, else [ ].
  optionals = cond: elems: if cond then elems else [ ];

  # Wraps a non-list in a list.
  toList = x: if builtins.isList x then x else [ x ];

  concatMap = builtins.concatMap;
  concatLists = builtins.concatLists;

  flatten = x: if builtins.isList x then concatMap flatten x else [ x ];

  # Removes duplicates, keeping the first occurrence (quadratic, as nixpkgs' is).
  unique = foldl' (acc: e: if elem e acc then acc else acc ++ [ e ]) [ ];

  # The integers from first to last, inclusive.
  range = first: last:
    if first > last then [ ] else genList (n: first + n) (last - first + 1);

  last = list: elemAt list (length list - 1);
  init = list: genList (elemAt list) (length list - 1);
  take = count: list: sublist 0 count list;
  drop = count: list: sublist count (length list) list;
  sublist = start: count: list:
    let
      len = length list;
      n = if start >= len then 0 else if start + count > len then len - start else count;
    in genList (i: elemAt list (i + start)) n;

  remove = e: filter (x: x != e);
  count = pred: foldl' (c: x: if pred x then c + 1 else c) 0;
  any = builtins.any;
  all = builtins.all;

  # Pairs the elements of two lists: [ { fst; snd; } ].
  zipLists = fst: snd:
    genList (n: { fst = elemAt fst n; snd = elemAt snd n; })
      (lib.min (length fst) (length snd));

  reverseList = xs: let l = length xs; in genList (n: elemAt xs (l - n - 1)) l;

  # Groups by the string that f returns: { key = [ ... ]; }.
  groupBy = builtins.groupBy;
}
