# lib.attrsets: paths into sets, filtering and mapping, merging, package outputs.
{ lib }:
let
  inherit (builtins)
    attrNames
    listToAttrs
    isAttrs
    length
    head
    tail
    elemAt
    concatMap
    ;
  inherit (lib.lists) foldr;
in
rec {
  inherit (builtins)
    attrNames
    attrValues
    catAttrs
    getAttr
    hasAttr
    intersectAttrs
    listToAttrs
    mapAttrs
    removeAttrs
    zipAttrsWith
    isAttrs
    ;

  nameValuePair = name: value: { inherit name value; };

  attrByPath =
    path: default: set:
    let
      go =
        i: s:
        if i == length path then
          s
        else
          let
            name = elemAt path i;
          in
          if isAttrs s && s ? ${name} then go (i + 1) s.${name} else default;
    in
    go 0 set;
  hasAttrByPath =
    path: set:
    let
      go =
        i: s:
        i == length path
        || (
          let
            name = elemAt path i;
          in
          isAttrs s && s ? ${name} && go (i + 1) s.${name}
        );
    in
    go 0 set;
  setAttrByPath = path: value: foldr (name: inner: { ${name} = inner; }) value path;
  getAttrFromPath =
    path: set:
    attrByPath path (abort "cannot find attribute '${builtins.concatStringsSep "." path}'") set;
  attrVals = names: set: map (name: set.${name}) names;

  # A path to an attribute as Nix source would write it.
  showAttrPath =
    path:
    if path == [ ] then "<root attribute path>" else builtins.concatStringsSep "." (map lib.strings.escapeNixIdentifier path);

  filterAttrs =
    pred: set: removeAttrs set (builtins.filter (name: !(pred name set.${name})) (attrNames set));
  filterAttrsRecursive =
    pred: set:
    builtins.mapAttrs (_: v: if isAttrs v then filterAttrsRecursive pred v else v) (filterAttrs pred set);
  foldlAttrs =
    f: init: set:
    builtins.foldl' (acc: name: f acc name set.${name}) init (attrNames set);
  mapAttrs' = f: set: listToAttrs (map (name: f name set.${name}) (attrNames set));
  mapAttrsToList = f: set: map (name: f name set.${name}) (attrNames set);
  attrsToList = mapAttrsToList nameValuePair;
  concatMapAttrs = f: set: builtins.foldl' (acc: s: acc // s) { } (mapAttrsToList f set);
  # f gets the path of each leaf and its value; sets that `cond` rejects are leaves.
  mapAttrsRecursiveCond =
    cond: f: set:
    let
      walk =
        path:
        builtins.mapAttrs (
          name: v:
          let
            here = path ++ [ name ];
          in
          if isAttrs v && cond v then walk here v else f here v
        );
    in
    walk [ ] set;
  mapAttrsRecursive = mapAttrsRecursiveCond (_: true);
  # The values that `pred` accepts, searched in sets depth first.
  collect =
    pred: v:
    if pred v then
      [ v ]
    else if isAttrs v then
      concatMap (collect pred) (builtins.attrValues v)
    else
      [ ];
  genAttrs = names: f: listToAttrs (map (n: nameValuePair n (f n)) names);

  isDerivation = v: v.type or null == "derivation";
  toDerivation =
    path:
    let
      p = builtins.storePath path;
      drv = {
        type = "derivation";
        name = lib.strings.sanitizeDerivationName (builtins.substring 33 (-1) (baseNameOf p));
        outPath = p;
        outputs = [ "out" ];
        out = drv;
        outputName = "out";
      };
    in
    drv;
  optionalAttrs = cond: set: if cond then set else { };

  zipAttrsWithNames =
    names: f: sets:
    genAttrs names (name: f name (builtins.catAttrs name sets));
  zipAttrs = zipAttrsWith (_: values: values);

  # Merges rhs into lhs, descending into an attribute both define while
  # `pred path lhsValue rhsValue` is false.
  recursiveUpdateUntil =
    pred: lhs: rhs:
    let
      merge =
        path:
        zipAttrsWith (
          name: values:
          let
            here = path ++ [ name ];
          in
          # values = [ rhs's ] or [ rhs's lhs's ] or [ lhs's ]
          if length values == 1 || pred here (elemAt values 1) (head values) then
            head values
          else
            merge here values
        );
    in
    merge [ ] [
      rhs
      lhs
    ];
  recursiveUpdate = recursiveUpdateUntil (_: l: r: !(isAttrs l && isAttrs r));

  matchAttrs =
    pattern: set:
    assert isAttrs pattern;
    builtins.all (
      name:
      let
        want = pattern.${name};
      in
      set ? ${name} && (if isAttrs want then isAttrs set.${name} && matchAttrs want set.${name} else want == set.${name})
    ) (attrNames pattern);

  # Every combination of one element of each attribute's list.
  cartesianProduct =
    lists:
    builtins.foldl' (
      combos: name: concatMap (c: map (v: c // { ${name} = v; }) lists.${name}) combos
    ) [ { } ] (attrNames lists);
  mapCartesianProduct = f: lists: map f (cartesianProduct lists);

  unionOfDisjoint =
    a: b:
    let
      both = builtins.intersectAttrs a b;
      names = builtins.concatStringsSep " " (attrNames both);
    in
    a // b // builtins.mapAttrs (name: _: throw "unionOfDisjoint: collision on ${name}; complete list: ${names}") both;

  recurseIntoAttrs = set: set // { recurseForDerivations = true; };
  dontRecurseIntoAttrs = set: set // { recurseForDerivations = false; };

  # An output of a package: the one named if the package has it, else its `out`,
  # else the package; a package whose output was chosen (outputSpecified) stays as is.
  getOutput =
    output: pkg: if pkg.outputSpecified or false then pkg else pkg.${output} or pkg.out or pkg;
  # The first output of `candidates` the package has (the package if none).
  getFirstOutput =
    candidates: pkg:
    let
      present = builtins.filter (o: pkg ? ${o}) candidates;
    in
    if pkg.outputSpecified or false || present == [ ] then pkg else pkg.${head present};
  getBin = getOutput "bin";
  getLib = getOutput "lib";
  getDev = getOutput "dev";
  getMan = getOutput "man";
  getStatic = getFirstOutput [
    "static"
    "lib"
    "out"
  ];
  getInclude = getFirstOutput [
    "include"
    "dev"
    "out"
  ];
  chooseDevOutputs = map getDev;

  # Applies each { path; update; }: deeper paths first, updates to paths of one length
  # in the order given; an update with path [ ] replaces the whole set. An update of an
  # attribute that does not exist gets a value that fails when used.
  updateManyAttrsByPath =
    updates: set:
    builtins.foldl' (
      acc: u:
      let
        # `s` is the value at the path's first i names, if `has`
        go =
          i: has: s:
          if i == length u.path then
            u.update (
              if has then
                s
              else
                throw "updateManyAttrsByPath: Path '${showAttrPath u.path}' does not exist in the expression being updated"
            )
          else
            let
              name = elemAt u.path i;
              base = if has && isAttrs s then s else { };
            in
            base // { ${name} = go (i + 1) (base ? ${name}) (base.${name} or null); };
      in
      go 0 true acc
    ) set (builtins.sort (a: b: length a.path > length b.path) updates);

  # The sets of a list merged, a later one's attribute winning.
  mergeAttrsList = builtins.foldl' (acc: set: acc // set) { };
}
