# stdenv: mkDerivation over Ferrix's generic builder (builtin:ferrix-stdenv, in Rust),
# which runs the phases and the user's hooks in the host's bash. The host's tools and
# libraries (/bin, /usr, /lib, /lib64) are the one impurity: every derivation asks for
# them through __impureHostDeps.
{ lib }:
let
  inherit (builtins) removeAttrs isFunction;

  hostDeps = [ "/bin" "/usr" "/lib" "/lib64" ];

  # What mkDerivation keeps out of the derivation's attributes.
  nonDrvAttrs = [ "passthru" "meta" "pname" "version" ];

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

      # A multiple-output input contributes its `dev` output (else `out`), as nixpkgs'.
      inputLists = [ "nativeBuildInputs" "buildInputs" "propagatedNativeBuildInputs" "propagatedBuildInputs" ];
      inputs = lib.genAttrs (builtins.filter (l: finalAttrs ? ${l}) inputLists)
        (l: lib.chooseDevOutputs (builtins.filter (x: x != null) finalAttrs.${l}));

      drvAttrs = removeAttrs finalAttrs (nonDrvAttrs ++ [ "finalPackage" ]) // inputs // {
        inherit name outputs;
        system = finalAttrs.system or stdenv.system;
        builder = "builtin:ferrix-stdenv";
        __impureHostDeps = hostDeps ++ (finalAttrs.__impureHostDeps or [ ]);
      };

      drv = derivation drvAttrs;

      meta = {
        outputsToInstall = [ (builtins.head outputs) ] ++ lib.optional (builtins.elem "man" outputs) "man";
        name = name;
      } // (lib.optionalAttrs (finalAttrs ? pname) { inherit (finalAttrs) pname; })
        // (lib.optionalAttrs (finalAttrs ? version) { inherit (finalAttrs) version; })
        // (finalAttrs.meta or { });

      package = drv // (finalAttrs.passthru or { }) // {
        inherit meta;
        overrideAttrs = f: mkDerivationWith stdenv (lib.extends (lib.toExtension f) argsFun);
      } // lib.optionalAttrs (finalAttrs ? pname) { inherit (finalAttrs) pname; }
        // lib.optionalAttrs (finalAttrs ? version) { inherit (finalAttrs) version; };
    in
    package;

  stdenv = {
    system = builtins.currentSystem;
    mkDerivation = mkDerivationWith stdenv;
    # The host toolchain is the same for both.
    cc = null;
  };
in
{
  inherit stdenv;
  stdenvNoCC = stdenv;
}
