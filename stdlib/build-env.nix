# buildEnv (nixpkgs' build-support/buildenv in shape): one tree of symlinks to the
# installed outputs of `paths`, merged by priority. The outputs and priorities are
# chosen here; the merge is the generic builder's Rust command `buildEnv`
# (builder/src/stdenv/buildenv.rs), which reads them as JSON. With includeClosures,
# every path of the closures of the installed outputs is merged too, after them
# (nixpkgs' extraPathsFrom: a writeClosure file).
{ lib, stdenvNoCC, writeClosure }:
{ name ? null, pname ? null, version ? null
, paths
, manifest ? ""
, ignoreCollisions ? false
, ignoreSingleFileOutputs ? false
, includeClosures ? false
, checkCollisionContents ? true
, pathsToLink ? [ "/" ]
, extraOutputsToInstall ? [ ]
, extraPrefix ? ""
, postBuild ? ""
, derivationArgs ? { }
, nativeBuildInputs ? null, buildInputs ? null, passthru ? null, meta ? null
}@args:
let
  # What a package installs: the output it was chosen by (`pkg.dev`, marked
  # outputSpecified), else its meta.outputsToInstall, else itself; then those of
  # extraOutputsToInstall it has.
  chosenOutputs = pkg: {
    paths =
      (if !(pkg.outputSpecified or false) && pkg.meta.outputsToInstall or null != null
       then map (output: pkg.${output}) pkg.meta.outputsToInstall
       else [ pkg ])
      ++ builtins.filter (p: p != null) (map (output: pkg.${output} or null) extraOutputsToInstall);
    priority = pkg.meta.priority or lib.meta.defaultPriority;
  };
  given = names: builtins.intersectAttrs (lib.genAttrs names (_: null)) args;
  chosen = map chosenOutputs paths;
in
stdenvNoCC.mkDerivation (
  given [ "name" "pname" "version" "nativeBuildInputs" "buildInputs" "meta" ]
  // derivationArgs
  // {
    inherit manifest ignoreCollisions checkCollisionContents ignoreSingleFileOutputs
      pathsToLink extraOutputsToInstall extraPrefix postBuild;
    pkgs = builtins.toJSON chosen;
    extraPathsFrom = lib.optionalString includeClosures
      (writeClosure (lib.remove null (lib.concatMap (p: p.paths) chosen)));
    preferLocalBuild = derivationArgs.preferLocalBuild or true;
    allowSubstitutes = derivationArgs.allowSubstitutes or false;
    passAsFile = [ "buildCommand" "pkgs" ] ++ derivationArgs.passAsFile or [ ];
    buildCommand = ''
      buildEnv "$pkgsPath"
      eval "$postBuild"
    '';
    passthru = { inherit paths; } // (derivationArgs.passthru or args.passthru or { });
  }
)
