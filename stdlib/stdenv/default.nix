# stdenv: mkDerivation over Ferrix's generic builder (builtin:ferrix-stdenv, in Rust),
# which runs the phases and the user's hooks in the host's bash. The host's tools and
# libraries (/bin, /usr, /lib, /lib64) are the one impurity: every derivation asks for
# them through __impureHostDeps.
#
# Two stdenvs, as nixpkgs has: `stdenv`, whose builds get the host's C compiler behind
# a wrapper (`$CC`, `$CXX`, the inputs' -isystem/-L flags), and `stdenvNoCC`, without.
# The generic builder sets the compiler up only for derivations with `ferrixWrapCC`.
{ lib }:
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

      drvAttrs = removeAttrs finalAttrs (nonDrvAttrs ++ [ "finalPackage" ]) // inputs // {
        inherit name outputs;
        system = finalAttrs.system or stdenv.system;
        builder = "builtin:ferrix-stdenv";
        __impureHostDeps = hostDeps ++ (finalAttrs.__impureHostDeps or [ ]);
      } // lib.optionalAttrs (stdenv.cc != null) { ferrixWrapCC = true; };

      meta = {
        outputsToInstall = outputsToInstall outputs;
        name = name;
      } // (lib.optionalAttrs (finalAttrs ? pname) { inherit (finalAttrs) pname; })
        // (lib.optionalAttrs (finalAttrs ? version) { inherit (finalAttrs) version; })
        // (finalAttrs.meta or { });

      passthru = finalAttrs.passthru or { };

      # As nixpkgs' mkDerivation: the derivation extended (lib.extendDerivation) so
      # that the top-level value and each output (`pkg.dev`, with `outputSpecified`)
      # carry meta, passthru and overrideAttrs.
      package = lib.extendDerivation true ({
        inherit meta passthru;
        overrideAttrs = f: mkDerivationWith stdenv (lib.extends (lib.toExtension f) argsFun);
      } // lib.optionalAttrs (finalAttrs ? pname) { inherit (finalAttrs) pname; }
        // lib.optionalAttrs (finalAttrs ? version) { inherit (finalAttrs) version; }
        // passthru) (derivation drvAttrs);
    in
    package;

  mkStdenv = cc:
    let
      self = {
        system = builtins.currentSystem;
        mkDerivation = mkDerivationWith self;
        inherit cc;
        # `bash -n FILE`: checks a script's syntax without running it.
        shellDryRun = "/bin/bash -n -O extglob";
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
