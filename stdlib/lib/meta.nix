# lib.meta: a package's meta attributes and main program.
{ lib }:
rec {
  # The package with `newAttrs` added to its meta (through overrideAttrs when it has
  # that, so the derivation and its outputs agree).
  addMetaAttrs =
    newAttrs: drv:
    if drv ? overrideAttrs then
      drv.overrideAttrs (old: {
        meta = (old.meta or { }) // newAttrs;
      })
    else
      drv // { meta = (drv.meta or { }) // newAttrs; };
  dontDistribute = addMetaAttrs { hydraPlatforms = [ ]; };
  setName = name: drv: drv // { inherit name; };
  updateName = f: drv: drv // { name = f drv.name; };
  # "foo-1.0" with suffix "bar" is "foo-bar-1.0".
  appendToName =
    suffix:
    updateName (
      name:
      let
        parsed = builtins.parseDrvName name;
      in
      "${parsed.name}-${suffix}-${parsed.version}"
    );
  # f applied to the derivations among a set's values.
  mapDerivationAttrset =
    f: set: builtins.mapAttrs (_: v: if lib.attrsets.isDerivation v then f v else v) set;
  # The priority of a package without meta.priority (buildEnv: the lower number wins).
  defaultPriority = 5;
  setPrio = priority: addMetaAttrs { inherit priority; };
  lowPrio = setPrio 10;
  hiPrio = setPrio (-10);

  # The path of the package's program `name`.
  getExe' =
    x: name:
    assert lib.asserts.assertMsg (lib.attrsets.isDerivation x)
      "lib.meta.getExe': The first argument is of type ${builtins.typeOf x}, but it should be a derivation instead.";
    assert lib.asserts.assertMsg (builtins.isString name)
      "lib.meta.getExe': The second argument is of type ${builtins.typeOf name}, but it should be a string instead.";
    assert lib.asserts.assertMsg (!lib.strings.hasInfix "/" name)
      "lib.meta.getExe': The second argument \"${name}\" is a nested path with a \"/\" character, but it should just be the name of the executable instead.";
    "${lib.attrsets.getBin x}/bin/${name}";
  # The path of the package's main program (meta.mainProgram; else, with a warning,
  # the program named as the package).
  getExe =
    x:
    getExe' x (
      x.meta.mainProgram or (lib.trivial.warn
        "getExe: Package ${
          lib.strings.escapeNixIdentifier (x.meta.name or x.pname or x.name)
        } does not have the meta.mainProgram attribute. We'll assume that the main program has the same name for now, but this behavior is deprecated, because it leads to surprising errors when the assumption does not hold. If the package has a main program, please set `meta.mainProgram` in its definition to make this warning go away. Otherwise, if the package does not have a main program, or if you don't control its definition, use getExe' to specify the name to the program, such as lib.getExe' foo \"bar\"."
        (lib.strings.getName x)
      )
    );
}
