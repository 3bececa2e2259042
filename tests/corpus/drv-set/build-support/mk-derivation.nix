# A tiny stdenv.mkDerivation: turns package attributes into a call of `derivation`.
#
#   mkDerivation { pname; version; buildCommand; ... }
#   mkDerivation (finalAttrs: { pname; version; src = f finalAttrs.version; ... })
#
# - name defaults to "${pname}-${version}"; the builder defaults to /bin/sh running
#   buildCommand (or the file `builderScript`, e.g. one made by builtins.toFile);
# - buildInputs are passed through lib.getDev (a multi-output dependency contributes
#   its dev output), nativeBuildInputs through lib.getBin; both also end up in PATH;
# - passthru and meta are not passed to `derivation` but added to the result and to
#   each of its outputs;
# - every other attribute goes to `derivation` as is (outputs, passAsFile,
#   __structuredAttrs, outputHash..., env attributes of any type);
# - the result has overrideAttrs (an overlay on the attributes, seen through
#   finalAttrs), and each output `pkg.<output>` is the package with outPath,
#   outputName and outputSpecified set for that output.
{ lib, system }:
let
  inherit (builtins) isFunction removeAttrs;

  build = attrs: overrideAttrs:
    let
      passthru = attrs.passthru or { };
      meta = attrs.meta or { };
      outputs = attrs.outputs or [ "out" ];
      buildInputs = map lib.getDev (attrs.buildInputs or [ ]);
      nativeBuildInputs = map lib.getBin (attrs.nativeBuildInputs or [ ]);
      script = attrs.buildCommand or "touch $out";
      drvAttrs =
        removeAttrs attrs [ "passthru" "meta" "buildCommand" "builderScript" "finalPackage" ]
        // {
          name = attrs.name or "${attrs.pname}-${attrs.version}";
          system = attrs.system or system;
          builder = attrs.builder or "/bin/sh";
          args = attrs.args or (
            if attrs ? builderScript then [ "-e" attrs.builderScript ]
            else [ "-c" script ]);
        }
        // lib.optionalAttrs (attrs ? buildInputs) { inherit buildInputs; }
        // lib.optionalAttrs (attrs ? nativeBuildInputs) { inherit nativeBuildInputs; }
        // lib.optionalAttrs (attrs ? builderScript && attrs ? buildCommand) {
          # the script reads it from the environment
          buildCommand = script;
        }
        // lib.optionalAttrs (buildInputs != [ ] || nativeBuildInputs != [ ]) {
          PATH = lib.makeSearchPath "bin" (nativeBuildInputs ++ map lib.getBin (attrs.buildInputs or [ ]));
        };
      drv = derivation drvAttrs;
      common = drv // passthru // {
        inherit meta overrideAttrs passthru;
        drvAttrs = drvAttrs;
      };
      outputAttrs = lib.genAttrs outputs (outputName:
        result // {
          inherit (drv.${outputName}) outPath outputName;
          outputSpecified = true;
        });
      result = common // outputAttrs // {
        all = map (o: outputAttrs.${o}) outputs;
      };
    in
    result;

  # rattrs: finalAttrs -> attrs. overrideAttrs adds an overlay on the attributes.
  makeExtensibleDrv = rattrs:
    let
      attrs = rattrs finalAttrs;
      finalAttrs = attrs // { finalPackage = package; };
      package = build attrs (f: makeExtensibleDrv (lib.extends (lib.toExtension f) rattrs));
    in
    package;
in
argsOrFun:
makeExtensibleDrv (if isFunction argsOrFun then argsOrFun else _: argsOrFun)
