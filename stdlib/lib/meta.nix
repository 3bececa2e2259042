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

  # Whether `platform` (an elaborated platform) is what `elem` of meta.platforms
  # names: a system double, or a pattern matched against the platform's `parsed`
  # (lib.systems.inspect.patterns; a set with `parsed` is matched whole).
  platformMatch =
    platform: elem:
    if builtins.isString elem then
      platform ? system && elem == platform.system
    else
      lib.attrsets.matchAttrs (if elem ? parsed then elem else { parsed = elem; }) platform;

  # Whether `pkg` can be built for `platform`: meta.platforms (when it has one) names
  # it and meta.badPlatforms does not.
  availableOn =
    platform: pkg:
    (!(pkg ? meta.platforms) || builtins.any (platformMatch platform) pkg.meta.platforms)
    && builtins.all (elem: !platformMatch platform elem) (pkg.meta.badPlatforms or [ ]);

  # The licenses with an SPDX identifier, by identifier.
  licensesSpdx = lib.attrsets.mapAttrs' (_: license: lib.attrsets.nameValuePair license.spdxId license) (
    lib.attrsets.filterAttrs (_: license: license ? spdxId) lib.licenses
  );
  # The license of an SPDX identifier (compared ignoring case), else `default`.
  getLicenseFromSpdxIdOr =
    let
      byLowerId = lib.attrsets.mapAttrs' (
        id: license: lib.attrsets.nameValuePair (lib.strings.toLower id) license
      ) licensesSpdx;
    in
    id: default: byLowerId.${lib.strings.toLower id} or default;
  getLicenseFromSpdxId =
    id:
    getLicenseFromSpdxIdOr id (
      lib.trivial.warn "getLicenseFromSpdxId: No license matches the given SPDX ID: ${id}" {
        shortName = id;
      }
    );
}
