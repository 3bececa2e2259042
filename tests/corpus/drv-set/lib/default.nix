# The corpus' own library: nixpkgs' lib in shape (fixed points, attribute sets, lists,
# strings, customisation), written afresh and much smaller. Each file is a function of
# the whole library, so that helpers can use each other; everything is also exposed
# flat, as in nixpkgs (lib.fix, lib.mapAttrs', ...).
let
  lib = fixedPoints // attrsets // lists // strings // customisation // trivial // {
    inherit fixedPoints attrsets lists strings customisation trivial;
  };
  callLibs = file: import file { inherit lib; };
  fixedPoints = callLibs ./fixed-points.nix;
  attrsets = callLibs ./attrsets.nix;
  lists = callLibs ./lists.nix;
  strings = callLibs ./strings.nix;
  customisation = callLibs ./customisation.nix;
  trivial = {
    id = x: x;
    const = x: _: x;
    flip = f: a: b: f b a;
    pipe = builtins.foldl' (x: f: f x);
    min = x: y: if x < y then x else y;
    max = x: y: if x > y then x else y;
    inherit (builtins) mapAttrs attrNames intersectAttrs isFunction isAttrs isList isString
      toJSON fromJSON elem filter length head tail;
  };
in
lib
