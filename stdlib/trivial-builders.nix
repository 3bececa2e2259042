# Trivial builders (nixpkgs' build-support/trivial-builders in shape): derivations
# made from a shell command or a text, on the standard library's stdenv.
{ lib, stdenv, stdenvNoCC }:
rec {
  # runCommandWith { name, stdenv ? stdenv, derivationArgs ? {} } buildCommand
  runCommandWith =
    { name, stdenv ? stdenvNoCC, derivationArgs ? { } }:
    buildCommand:
    stdenv.mkDerivation ({ inherit name buildCommand; passAsFile = [ "buildCommand" ]; } // derivationArgs);

  runCommand = name: env: runCommandWith { inherit name; derivationArgs = env; };
  runCommandLocal = runCommand;
  runCommandCC = name: env: runCommandWith { inherit name stdenv; derivationArgs = env; };

  # writeTextFile { name, text, executable ? false, destination ? "", checkPhase ? "" }
  writeTextFile =
    { name, text, executable ? false, destination ? "", checkPhase ? "", meta ? { }, derivationArgs ? { } }:
    runCommandWith {
      inherit name;
      derivationArgs = {
        inherit text executable checkPhase meta;
        passAsFile = [ "text" ];
        destination = destination;
      } // derivationArgs;
    } ''
      target=$out${lib.escapeShellArg destination}
      if [ -n "$destination" ]; then mkdir -p "$(dirname "$target")"; fi
      if [ -e "$textPath" ]; then mv "$textPath" "$target"; else printf '%s' "$text" > "$target"; fi
      if [ -n "$executable" ]; then chmod +x "$target"; fi
      eval "$checkPhase"
    '';

  writeText = name: text: writeTextFile { inherit name text; };
  writeTextDir = path: text: writeTextFile {
    inherit text;
    name = builtins.baseNameOf path;
    destination = "/${path}";
  };
  writeScript = name: text: writeTextFile { inherit name text; executable = true; };
  writeScriptBin = name: text: writeTextFile { inherit name text; executable = true; destination = "/bin/${name}"; };
  writeShellScript = name: text: writeTextFile {
    inherit name;
    executable = true;
    text = "#!/bin/bash\n${text}\n";
  };
  writeShellScriptBin = name: text: writeTextFile {
    inherit name;
    executable = true;
    destination = "/bin/${name}";
    text = "#!/bin/bash\n${text}\n";
  };

  # symlinkJoin { name | pname+version, paths, stripPrefix ? "", failOnMissing ? stripPrefix != "", postBuild ? "" }:
  # one tree of symlinks to the files of all `paths` (the first path wins a collision).
  symlinkJoin =
    args@{ paths, stripPrefix ? "", postBuild ? "", failOnMissing ? stripPrefix != "", ... }:
    let
      name = args.name or "${args.pname}-${args.version}";
      extra = removeAttrs args [ "name" "pname" "version" "paths" "stripPrefix" "postBuild" "failOnMissing" ];
    in
    runCommand name ({
      inherit stripPrefix postBuild;
      paths = map toString paths;
      failOnMissing = if failOnMissing then "1" else "";
      passAsFile = [ "paths" ];
    } // extra) ''
      mkdir -p $out
      for i in $(cat "$pathsPath"); do
        if [ -e "$i$stripPrefix" ]; then
          lndir -silent "$i$stripPrefix" "$out"
        elif [ -n "$failOnMissing" ]; then
          echo "symlinkJoin: the path '$i$stripPrefix' does not exist" >&2
          exit 1
        fi
      done
      eval "$postBuild"
    '';

  # linkFarm name entries: a directory of symlinks, from a list of { name, path } or an
  # attribute set name -> path; names may hold slashes.
  linkFarm = name: entries:
    let
      list = if builtins.isList entries then entries else lib.mapAttrsToList (name: path: { inherit name path; }) entries;
      link = { name, path }: ''
        mkdir -p "$(dirname ${lib.escapeShellArg name})"
        ln -s ${lib.escapeShellArg (toString path)} ${lib.escapeShellArg name}
      '';
    in
    runCommand name { preferLocalBuild = true; } ''
      mkdir -p $out
      cd $out
      ${lib.concatMapStrings link list}
    '';

  # writeShellApplication { name, text, runtimeInputs ? [], runtimeEnv ? null,
  #   bashOptions ? [ "errexit" "nounset" "pipefail" ], checkPhase ? null, inheritPath ? true, ... }:
  # bin/NAME, a bash script with strict options, its inputs' bin directories on PATH,
  # checked for syntax (`bash -n`; the host has no shellcheck) unless checkPhase is given.
  writeShellApplication =
    { name, text, runtimeInputs ? [ ], runtimeEnv ? null, bashOptions ? [ "errexit" "nounset" "pipefail" ]
    , checkPhase ? null, inheritPath ? true, meta ? { }, derivationArgs ? { }, excludeShellChecks ? [ ]
    , extraShellCheckFlags ? [ ] }:
    writeTextFile {
      inherit name meta derivationArgs;
      executable = true;
      destination = "/bin/${name}";
      text = lib.concatStrings [
        "#!/bin/bash\n"
        (lib.concatMapStrings (option: "set -o ${option}\n") bashOptions)
        (lib.optionalString (runtimeEnv != null)
          (lib.concatStrings (lib.mapAttrsToList (n: v: "export ${n}=${lib.escapeShellArg (toString v)}\n") runtimeEnv)))
        (lib.optionalString (runtimeInputs != [ ])
          "export PATH=\"${lib.makeBinPath runtimeInputs}${lib.optionalString inheritPath ":$PATH"}\"\n")
        "\n"
        text
      ];
      checkPhase = if checkPhase != null then checkPhase else ''
        runHook preCheck
        bash -n "$target"
        runHook postCheck
      '';
    };
}
