# stdenv: mkDerivation over Ferrix's generic builder (builtin:ferrix-stdenv, in Rust),
# which runs the phases and the user's hooks in the host's bash. The host's tools and
# libraries (/bin, /usr, /lib, /lib64) are the one impurity: every derivation asks for
# them through __impureHostDeps.
#
# Two stdenvs, as nixpkgs has: `stdenv`, whose builds get the host's C compiler behind
# a wrapper (`$CC`, `$CXX`, the inputs' -isystem/-L flags), and `stdenvNoCC`, without.
# The generic builder sets the compiler up only for derivations with `ferrixWrapCC`.
#
# `__structuredAttrs = true` works as in nixpkgs: the builder reads the attributes from
# .attrs.sh (lists as arrays, so a flag may hold spaces). `env = { NAME = value; }`
# puts variables into the build's environment: merged into the derivation's attributes
# (a name clashing with another attribute is an error), or with structured attributes
# kept as the `env` set, which the builder exports.
#
# The platforms are nixpkgs': `stdenv.buildPlatform`, `hostPlatform` and
# `targetPlatform` are all `lib.systems.elaborate builtins.currentSystem` (Ferrix
# builds for the machine it runs on), with nixpkgs' shorthands (`stdenv.isLinux`,
# `stdenv.is64bit`, ...) and `stdenv.system`. `stdenv.shell` is the host's
# "/bin/bash" (the host impurity); there is no `stdenv.shellPackage`.
#
# mkDerivation checks each package's meta as nixpkgs' check-meta does
# (./check-meta.nix, configured by `config`, the standard library's argument).
{ lib, config ? { } }:
let
  inherit (builtins) removeAttrs isFunction elem head;

  hostDeps = [ "/bin" "/usr" "/lib" "/lib64" ];

  # What mkDerivation keeps out of the derivation's attributes.
  nonDrvAttrs = [ "passthru" "meta" "pname" "version" ];

  # The dependency lists; each element is taken through lib.getDev, as nixpkgs does.
  inputLists = lib.concatMap (l: [ l "${l}Propagated" ]) [
    "depsBuildBuild"
    "depsBuildTarget"
    "depsHostHost"
    "depsTargetTarget"
  ] ++ [ "nativeBuildInputs" "buildInputs" "propagatedNativeBuildInputs" "propagatedBuildInputs" ];

  # nixpkgs' default meta.outputsToInstall: `bin`, else `out`, else the first output;
  # and `man` when there is one.
  outputsToInstall = outputs:
    let has = o: elem o outputs;
    in [ (if has "bin" then "bin" else if has "out" then "out" else head outputs) ]
      ++ lib.optional (has "man") "man";

  # mkDerivation's `env`, checked as nixpkgs checks it against the derivation's other
  # attributes.
  checkEnv = env: drvAttrs:
    let
      overlapping = builtins.attrNames (builtins.intersectAttrs env drvAttrs);
      pretty = lib.generators.toPretty { };
      describe = name: "  - ${name}: in `env`: ${pretty env.${name}}; in derivation arguments: ${pretty drvAttrs.${name}}";
      checkValue = name: value:
        assert lib.assertMsg (builtins.isString value || builtins.isBool value || builtins.isInt value || lib.isDerivation value)
          "The `env` attribute set can only contain derivation, string, boolean or integer attributes. The `${name}` attribute is of type ${builtins.typeOf value}.";
        value;
    in
    assert lib.assertMsg (builtins.isAttrs env && !lib.isDerivation env)
      "`env` must be an attribute set of environment variables. Set `env.env` or pick a more specific name.";
    assert lib.assertMsg (overlapping == [ ])
      "The `env` attribute set cannot contain any attributes passed to derivation. The following attributes are overlapping:\n${lib.concatMapStringsSep "\n" describe overlapping}";
    builtins.mapAttrs checkValue env;

  checkMeta = import ./check-meta.nix { inherit lib config; };

  # Where the package is defined, for check-meta's messages and meta.position, as
  # nixpkgs: meta.description's place, else version's, else name's.
  positionOf = attrs:
    let
      pos =
        if attrs.meta.description or null != null then builtins.unsafeGetAttrPos "description" attrs.meta
        else if attrs.version or null != null then builtins.unsafeGetAttrPos "version" attrs
        else builtins.unsafeGetAttrPos "name" attrs;
    in
    if pos == null then null else "${pos.file}:${toString pos.line}";

  mkDerivationWith = stdenv: fpargs:
    let
      # `fpargs` is an attribute set or a function of the final attributes.
      argsFun = if isFunction fpargs then fpargs else (_: fpargs);
      finalAttrs = argsFun finalAttrs // { finalPackage = package; };

      name =
        if finalAttrs ? name then finalAttrs.name
        else if finalAttrs ? pname && finalAttrs ? version then "${finalAttrs.pname}-${finalAttrs.version}"
        else if finalAttrs ? pname then finalAttrs.pname
        else throw "mkDerivation: either 'name' or 'pname' and 'version' must be given";

      outputs = finalAttrs.outputs or [ "out" ];

      inputs = lib.genAttrs (builtins.filter (l: finalAttrs ? ${l}) inputLists)
        (l: lib.chooseDevOutputs (builtins.filter (x: x != null) finalAttrs.${l}));

      drvAttrs = removeAttrs finalAttrs (nonDrvAttrs ++ [ "finalPackage" "env" ]) // inputs // {
        inherit name outputs;
        system = finalAttrs.system or stdenv.system;
        builder = "builtin:ferrix-stdenv";
        __impureHostDeps = hostDeps ++ (finalAttrs.__impureHostDeps or [ ]);
      } // lib.optionalAttrs (stdenv.cc != null) { ferrixWrapCC = true; };

      env = checkEnv (finalAttrs.env or { }) drvAttrs;
      structured = finalAttrs.__structuredAttrs or false;

      position = positionOf finalAttrs;
      # `pname` and `version`, those given, for meta and the package.
      nameAttrs = builtins.intersectAttrs { pname = null; version = null; } finalAttrs;
      userMeta = {
        outputsToInstall = outputsToInstall outputs;
        name = name;
      } // nameAttrs
        // (finalAttrs.meta or { })
        // lib.optionalAttrs (position != null) { inherit position; };
      # check-meta sees the arguments with their meta completed (outputsToInstall's
      # default included).
      checked = finalAttrs // { meta = userMeta; };
      validity = checkMeta.assertValidity stdenv.hostPlatform { meta = userMeta; attrs = checked; };
      meta = userMeta // checkMeta.extraMeta stdenv.hostPlatform validity checked;

      passthru = finalAttrs.passthru or { };

      # As nixpkgs' mkDerivation: the derivation extended (lib.extendDerivation) so
      # that the top-level value and each output (`pkg.dev`, with `outputSpecified`)
      # carry meta, passthru and overrideAttrs.
      package = lib.extendDerivation validity.handled ({
        inherit meta passthru;
        overrideAttrs = f: mkDerivationWith stdenv (lib.extends (lib.toExtension f) argsFun);
      } // nameAttrs // passthru) (derivation (drvAttrs // (if structured then { inherit env; } else env)));
    in
    package;

  platform = lib.systems.elaborate builtins.currentSystem;

  mkStdenv = cc:
    let
      self = {
        inherit (platform) system;
        buildPlatform = platform;
        hostPlatform = platform;
        targetPlatform = platform;
        # nixpkgs' stdenv shorthands for hostPlatform's predicates.
        inherit (platform)
          isDarwin isLinux isSunOS isCygwin isBSD isFreeBSD isOpenBSD
          isi686 isx86_32 isx86_64 is32bit is64bit
          isAarch32 isAarch64 isMips isBigEndian;
        hasCC = cc != null;
        shell = "/bin/bash";
        mkDerivation = mkDerivationWith self;
        inherit cc;
        # `bash -n FILE`: checks a script's syntax without running it.
        shellDryRun = "${self.shell} -n -O extglob";
      };
    in
    self;
in
{
  # The host's GCC, behind the generic builder's wrapper.
  stdenv = mkStdenv {
    name = "gcc-wrapper";
    isGNU = true;
    isClang = false;
    targetPrefix = "";
  };
  stdenvNoCC = mkStdenv null;
}
