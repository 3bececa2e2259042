# Attribute-set helpers, with the names and meanings of nixpkgs' lib.attrsets.
{ lib }:
let
  inherit (builtins) attrNames listToAttrs filter length head tail elemAt hasAttr;
in
rec {
  # { name = n; value = v; }
  nameValuePair = name: value: { inherit name value; };

  # Maps both names and values: f returns a nameValuePair.
  mapAttrs' = f: set: listToAttrs (map (attr: f attr set.${attr}) (attrNames set));

  # Maps the values with the name as first argument, to a list.
  mapAttrsToList = f: attrs: map (name: f name attrs.${name}) (attrNames attrs);

  # Keeps the attributes for which pred name value holds.
  filterAttrs = pred: set:
    listToAttrs (lib.concatMap (name:
      let v = set.${name}; in if pred name v then [ (nameValuePair name v) ] else [ ])
      (attrNames set));

  # set if cond, else { }.
  optionalAttrs = cond: as: if cond then as else { };

  # The attribute at the path (a list of names), or default.
  attrByPath = attrPath: default: e:
    let
      go = i: e':
        if i == length attrPath then e'
        else
          let n = elemAt attrPath i; in
          if e' ? ${n} then go (i + 1) e'.${n} else default;
    in go 0 e;

  hasAttrByPath = attrPath: e:
    let
      go = i: e':
        if i == length attrPath then true
        else
          let n = elemAt attrPath i; in
          if builtins.isAttrs e' && e' ? ${n} then go (i + 1) e'.${n} else false;
    in go 0 e;

  # A nested set with value at the path.
  setAttrByPath = attrPath: value:
    if attrPath == [ ] then value
    else { ${head attrPath} = setAttrByPath (tail attrPath) value; };

  getAttrFromPath = attrPath: set:
    attrByPath attrPath (abort "cannot find attribute `${lib.concatStringsSep "." attrPath}'") set;

  # The values of the named attributes that exist in the set.
  catAttrs = builtins.catAttrs;
  attrVals = nameList: set: map (x: set.${x}) nameList;
  attrValues = builtins.attrValues;

  # Merges a list of sets, later ones winning.
  mergeAttrsList = builtins.foldl' (a: b: a // b) { };

  # Recursively merges two sets: values that are sets in both are merged.
  recursiveUpdate = lhs: rhs:
    lhs // builtins.mapAttrs (name: v:
      if builtins.isAttrs v && lhs ? ${name} && builtins.isAttrs lhs.${name}
      then recursiveUpdate lhs.${name} v
      else v) rhs;

  # Generates a set from a list of names.
  genAttrs = names: f: listToAttrs (map (n: nameValuePair n (f n)) names);

  isDerivation = value: value.type or null == "derivation";

  # The given output of a derivation if it has one, else the derivation itself.
  getOutput = output: pkg:
    if !pkg ? outputSpecified || !pkg.outputSpecified
    then pkg.${output} or pkg.out or pkg
    else pkg;

  getBin = getOutput "bin";
  getLib = getOutput "lib";
  getDev = getOutput "dev";
  getMan = getOutput "man";

  # Returns the names of the attributes whose values are derivations (not recursing).
  derivationNames = set: filter (n: isDerivation set.${n}) (attrNames set);
}
