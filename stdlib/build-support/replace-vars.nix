# replaceVarsWith { src, replacements, dir ? null, isExecutable ? false, ... }: the file
# `src` with each @NAME@ of `replacements` replaced by its value (a null value keeps
# @NAME@), at $out (or $out/DIR/NAME). The build fails, with nixpkgs' messages, when
# a replacement matches nothing (substitute --replace-fail) or when something that
# looks like an unreplaced @identifier@ remains (the check phase). As nixpkgs'
# replaceVarsWith; other mkDerivation arguments pass through.
{ lib, stdenvNoCC }:
{ src, replacements, dir ? null, isExecutable ? false, ... }@attrs:
let
  replaceFlags = name: value: [
    "--replace-fail"
    (lib.escapeShellArg "@${name}@")
    (lib.escapeShellArg (if value == null then "@${name}@" else value))
  ];
  substitutions = lib.concatLists (lib.mapAttrsToList replaceFlags replacements);
  # The @NAME@ of the null replacements, which may remain.
  kept = map (name: "@${name}@") (builtins.filter (name: replacements.${name} == null)
    (builtins.attrNames replacements));
  identifiers = lib.escapeShellArg "@[a-zA-Z_][0-9A-Za-z_'-]*@";

  forcedAttrs = {
    doCheck = true;
    dontUnpack = true;
    preferLocalBuild = true;
    allowSubstitutes = false;
    buildPhase = ''
      runHook preBuild
      target=$out
      if [ -n "''${dir:-}" ]; then
        target=$out/$dir/$name
        mkdir -p "$out/$dir"
      fi
      substitute "$src" "$target" ${lib.concatStringsSep " " substitutions}
      if [ -n "''${isExecutable:-}" ]; then chmod +x "$target"; fi
      runHook postBuild
    '';
    # Identifiers between @ that are neither replaced nor kept on purpose.
    checkPhase = ''
      runHook preCheck
      remaining=
      while IFS= read -r found; do
        case ${lib.escapeShellArg " ${lib.concatStringsSep " " kept} "} in
          *" $found "*) ;;
          *) remaining+="$found"$'\n' ;;
        esac
      done < <(grep -oE ${identifiers} "$target" || true)
      if [ -n "$remaining" ]; then
        echo The following look like unsubstituted Nix identifiers that remain in "$target":
        printf '%s' "$remaining"
        echo Use the more precise '`substitute`' function if this check is in error.
        exit 1
      fi
      runHook postCheck
    '';
  };
in
if builtins.intersectAttrs attrs forcedAttrs != { } then
  throw "Passing any of ${builtins.concatStringsSep ", " (builtins.attrNames forcedAttrs)} to replaceVarsWith is not supported."
else
  stdenvNoCC.mkDerivation ({ name = baseNameOf (toString src); }
    // removeAttrs attrs [ "replacements" ] // forcedAttrs)
