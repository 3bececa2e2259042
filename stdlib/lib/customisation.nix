# lib.customisation: overridable package functions, callPackage and scopes.
{ lib }:
let
  inherit (builtins)
    attrNames
    intersectAttrs
    isAttrs
    length
    head
    ;
  inherit (lib.trivial) functionArgs isFunction mirrorFunctionArgs pipe setFunctionArgs toFunction;
  inherit (lib.attrsets) optionalAttrs isDerivation;
in
rec {
  # A new derivation from the attributes of `drv` updated with `f drv`'s.
  overrideDerivation =
    drv: f:
    let
      newDrv = derivation (drv.drvAttrs // f drv);
      keep = {
        meta = drv.meta or { };
        passthru = drv.passthru or { };
      }
      // drv.passthru or { };
    in
    extendDerivation (builtins.seq drv.drvPath true) keep newDrv;

  # f, whose result (a set or a function) gets `override` (f called again with
  # changed arguments) and, for a set, `overrideDerivation` and (when it has one)
  # `overrideAttrs`, which keep the result overridable.
  makeOverridable =
    f:
    let
      sameArgs = mirrorFunctionArgs (toFunction f);
    in
    sameArgs (
      args:
      let
        result = f args;
        changed = newArgs: args // (if isFunction newArgs then newArgs args else newArgs);
        override = sameArgs (newArgs: makeOverridable f (changed newArgs));
        mapResult = g: makeOverridable (sameArgs (a: g (f a))) args;
      in
      if isAttrs result then
        result
        // {
          inherit override;
          overrideDerivation = fdrv: mapResult (x: overrideDerivation x fdrv);
          ${if result ? overrideAttrs then "overrideAttrs" else null} =
            fdrv: mapResult (x: x.overrideAttrs fdrv);
        }
      else if isFunction result then
        setFunctionArgs result (functionArgs result) // { inherit override; }
      else
        result
    );

  # Calls the function `fn` (or the file it names) with the arguments it asks for
  # taken from `autoArgs`, overridden by `args`; the result is overridable.
  callPackageWith =
    autoArgs: fn: args:
    let
      f = if isFunction fn then fn else import fn;
      fargs = functionArgs f;
      given = intersectAttrs fargs autoArgs // args;
      # required and not given
      missing = builtins.filter (name: !fargs.${name} && !(given ? ${name})) (attrNames fargs);
      suggestions =
        arg:
        pipe (autoArgs // args) [
          attrNames
          (builtins.filter (lib.strings.levenshteinAtMost 2 arg))
          (lib.lists.sortOn (lib.strings.levenshtein arg))
          (lib.lists.take 3)
          (map (name: "\"${name}\""))
        ];
      didYouMean =
        names:
        if names == [ ] then
          ""
        else if length names == 1 then
          ", did you mean ${head names}?"
        else
          ", did you mean ${builtins.concatStringsSep ", " (lib.lists.init names)} or ${lib.lists.last names}?";
      where =
        arg:
        let
          pos = builtins.unsafeGetAttrPos arg fargs;
        in
        if pos != null then
          "${pos.file}:${toString pos.line}"
        else if !isFunction fn then
          toString fn
        else
          "<unknown location>";
      missingError =
        arg:
        "lib.customisation.callPackageWith: Function called without required argument \"${arg}\" at ${where arg}${didYouMean (suggestions arg)}";
    in
    if missing == [ ] then makeOverridable f given else abort (missingError (head missing));

  # As callPackageWith for a function returning a set of packages: each package is
  # made overridable.
  callPackagesWith =
    autoArgs: fn: args:
    let
      f = if isFunction fn then fn else import fn;
      given = intersectAttrs (functionArgs f) autoArgs // args;
      pkgs = f given;
      one = name: _: makeOverridable (mirrorFunctionArgs f (newArgs: (f newArgs).${name})) given;
    in
    if isDerivation pkgs then
      throw "function `callPackages` was called on a *single* derivation \"${pkgs.name or "<unknown-name>"}\"; did you mean to use `callPackage` instead?"
    else
      builtins.mapAttrs one pkgs;

  # The derivation with `passthru` added to it and to each of its outputs; its paths
  # are available only if `condition` holds.
  extendDerivation =
    condition: passthru: drv:
    let
      outputs = drv.outputs or [ "out" ];
      perOutput = builtins.listToAttrs (map forOutput outputs);
      common = drv // perOutput // { all = map (o: perOutput.${o}) outputs; } // passthru;
      forOutput = o: {
        name = o;
        value =
          common
          // {
            inherit (drv.${o}) type outputName;
            outputSpecified = true;
            drvPath =
              assert condition;
              drv.${o}.drvPath;
            outPath =
              assert condition;
              drv.${o}.outPath;
          }
          // optionalAttrs (passthru ? overrideAttrs) { overrideAttrs = g: (passthru.overrideAttrs g).${o}; };
      };
    in
    common
    // {
      drvPath =
        assert condition;
        drv.drvPath;
      outPath =
        assert condition;
        drv.outPath;
    };

  # Only what a CI evaluator needs of a derivation, forced.
  hydraJob =
    drv:
    let
      outputs = drv.outputs or [ "out" ];
      common = {
        inherit (drv) name system meta;
        inherit outputs;
      }
      // optionalAttrs (drv._hydraAggregate or false) {
        _hydraAggregate = true;
        constituents = map hydraJob (lib.lists.flatten drv.constituents);
      }
      // builtins.listToAttrs (map forOutput outputs);
      forOutput = o: {
        name = o;
        value = common // {
          inherit (drv.${o}) outPath drvPath;
          type = "derivation";
          outputName = o;
        };
      };
      first = common.${head outputs};
    in
    builtins.deepSeq first first;

  # A package set whose members are called with the set itself (and its parent
  # scope's `newScope`): `callPackage`, `newScope`, `overrideScope`, `packages`.
  makeScope =
    newScope: f:
    let
      self = f self // {
        newScope = extra: newScope (self // extra);
        callPackage = self.newScope { };
        overrideScope = g: makeScope newScope (lib.fixedPoints.extends g f);
        packages = f;
      };
    in
    self;

  # `value` when `cond`, else null (which `derivation` leaves out of the derivation),
  # as nixpkgs' lib.derivations.optionalDrvAttr.
  optionalDrvAttr = cond: value: if cond then value else null;
}
