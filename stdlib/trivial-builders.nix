# Trivial builders (nixpkgs' build-support/trivial-builders in shape): derivations
# made from a shell command or a text, on the standard library's stdenvs.
{ lib, stdenv, stdenvNoCC }:
let
  # A destination or prefix inside an output: "" (none), or "/" and at least a name.
  isSubpath = p: lib.hasPrefix "/" p && p != "/";

  # writeShellScript's arguments to writeTextFile.
  shellScript = name: text: {
    inherit name;
    executable = true;
    text = "#!${stdenv.shell}\n${text}\n";
    checkPhase = ''${stdenv.shellDryRun} "$target"'';
  };
in
rec {
  # runCommandWith { name, stdenv ? stdenv, runLocal ? false, derivationArgs ? {} } buildCommand:
  # the command run by `stdenv`'s builder; a local build never substituted if runLocal.
  runCommandWith =
    let defaultStdenv = stdenv;
    in
    { name, stdenv ? defaultStdenv, runLocal ? false, derivationArgs ? { } }:
    buildCommand:
    stdenv.mkDerivation ({
      enableParallelBuilding = true;
      inherit name buildCommand;
      passAsFile = [ "buildCommand" ] ++ derivationArgs.passAsFile or [ ];
    } // lib.optionalAttrs runLocal {
      preferLocalBuild = true;
      allowSubstitutes = false;
    } // removeAttrs derivationArgs [ "passAsFile" ]);

  # Without a C compiler (runCommand, runCommandLocal) and with one (runCommandCC).
  runCommand = name: env: runCommandWith { inherit name; stdenv = stdenvNoCC; derivationArgs = env; };
  runCommandLocal = name: env:
    runCommandWith { inherit name; stdenv = stdenvNoCC; runLocal = true; derivationArgs = env; };
  runCommandCC = name: env: runCommandWith { inherit name stdenv; derivationArgs = env; };

  # writeTextFile { name, text, executable ? false, destination ? "", checkPhase ? "",
  #   meta ? {}, passthru ? {}, allowSubstitutes ? false, preferLocalBuild ? true,
  #   derivationArgs ? {} }: `text` at $out + destination. An executable at /bin/X
  # gets meta.mainProgram = X.
  writeTextFile =
    { name, text, executable ? false, destination ? "", checkPhase ? "", meta ? { }, passthru ? { }
    , allowSubstitutes ? false, preferLocalBuild ? true, derivationArgs ? { } }:
    let
      program = builtins.match "/bin/([^/]+)" destination;
    in
    assert destination != "" -> isSubpath destination || throw ''
      destination must be an absolute path, relative to the derivation's out path,
      got '${destination}' instead.

      Ensure that the path starts with a / and specifies at least the filename.
    '';
    stdenvNoCC.mkDerivation ({
      inherit name text executable checkPhase destination allowSubstitutes preferLocalBuild;
      passAsFile = [ "text" ] ++ derivationArgs.passAsFile or [ ];
      buildCommand = ''
        target=$out$destination
        mkdir -p "$(dirname "$target")"
        if [ -e "''${textPath:-}" ]; then mv "$textPath" "$target"; else printf '%s' "$text" > "$target"; fi
        if [ -n "$executable" ]; then chmod +x "$target"; fi
        eval "$checkPhase"
      '';
      meta = lib.optionalAttrs (executable && program != null) { mainProgram = builtins.head program; }
        // meta // derivationArgs.meta or { };
      passthru = passthru // derivationArgs.passthru or { };
    } // removeAttrs derivationArgs [ "passAsFile" "meta" "passthru" ]);

  writeText = name: text: writeTextFile { inherit name text; };
  writeTextDir = path: text: writeTextFile {
    inherit text;
    name = builtins.baseNameOf path;
    destination = "/${path}";
  };
  writeScript = name: text: writeTextFile { inherit name text; executable = true; };
  writeScriptBin = name: text: writeTextFile { inherit name text; executable = true; destination = "/bin/${name}"; };

  # A bash script, its syntax checked (`bash -n`) when it is built.
  writeShellScript = name: text: writeTextFile (shellScript name text);
  writeShellScriptBin = name: text: writeTextFile (shellScript name text // { destination = "/bin/${name}"; });

  # symlinkJoin { name | pname+version, paths, stripPrefix ? "", failOnMissing ? stripPrefix == "",
  #   postBuild ? "", preferLocalBuild ? true, allowSubstitutes ? false, ... }:
  # one tree of symlinks to the files of all `paths` (each with stripPrefix appended;
  # the first path wins a collision). A path that is not a directory fails the build
  # if failOnMissing, else it is skipped.
  symlinkJoin =
    args@{ paths, stripPrefix ? "", postBuild ? "", failOnMissing ? stripPrefix == ""
    , preferLocalBuild ? true, allowSubstitutes ? false, ... }:
    let
      name = args.name or (
        assert args ? pname && args ? version
          || throw "symlinkJoin requires either a `name` OR `pname` and `version`";
        "${args.pname}-${args.version}");
      # Nested lists keep their shape and nulls stay (the derivation's string
      # flattens both); the shell skips the empty words.
      mapPaths = map (p: if p == null then null else if builtins.isList p then mapPaths p else "${p}${stripPrefix}");
      link = if failOnMissing then ''lndir -silent "$i" "$out"'' else ''if test -d "$i"; then lndir -silent "$i" "$out"; fi'';
      extra = removeAttrs args [ "name" "paths" "stripPrefix" "postBuild" "failOnMissing" ];
    in
    assert stripPrefix != "" -> isSubpath stripPrefix || throw ''
      stripPrefix must be either an empty string (disable stripping behavior), or relative path prefixed with /.

      Ensure that the path starts with / and specifies path to the subdirectory.
    '';
    stdenvNoCC.mkDerivation ({
      inherit name preferLocalBuild allowSubstitutes;
      enableParallelBuilding = true;
      paths = mapPaths paths;
      passAsFile = [ "buildCommand" "paths" ];
      buildCommand = ''
        mkdir -p $out
        for i in $(cat "$pathsPath"); do
          ${link}
        done
        ${postBuild}
      '';
    } // extra);

  # writeClosure paths: a file listing the closure of `paths` (store paths, or paths
  # inside them), one path a line, sorted. Each path's closure comes from
  # exportReferencesGraph, in the `nix-store --register-validity` format (a path, its
  # deriver, the number of its references, each reference), read with bash's builtins.
  writeClosure = paths:
    let
      list = lib.toList paths;
      graph = lib.concatLists (lib.imap0 (i: p: [ "closure-${toString i}" p ]) list);
    in
    runCommand "runtime-deps" { exportReferencesGraph = graph; } ''
      for file in ${toString (lib.genList (i: "closure-${toString i}") (builtins.length list))}; do
        while IFS= read -r path && IFS= read -r deriver && IFS= read -r count; do
          echo "$path"
          for ((i = 0; i < count; i++)); do IFS= read -r reference; done
        done < "$file"
      done | LC_ALL=C sort -u > "$out"
    '';

  # closureInfo { rootPaths }: $out/registration (the closure of rootPaths in the
  # format of `nix-store --load-db` and `--register-validity --hash-given`),
  # $out/store-paths (its paths, one a line, in the order the closure was exported:
  # sorted) and $out/total-nar-size, as
  # nixpkgs' closure-info: the closure comes from exportReferencesGraph in the
  # structured attributes, and the builder's `closureInfo` command (Rust, for
  # nixpkgs' jq) writes the files.
  closureInfo = { rootPaths }:
    stdenvNoCC.mkDerivation {
      name = "closure-info";
      __structuredAttrs = true;
      exportReferencesGraph.closure = rootPaths;
      preferLocalBuild = true;
      buildCommand = ''closureInfo "$NIX_ATTRS_JSON_FILE" "$out"'';
    };

  # linkFarm name entries: a directory of symlinks, from an attribute set name -> path
  # or a list of { name, path } (a later entry of a name wins); names may hold slashes.
  linkFarm = name: entries:
    let
      set =
        if builtins.isAttrs entries then entries
        else if builtins.isList entries then builtins.foldl' (acc: e: acc // { ${e.name} = e.path; }) { } entries
        else throw "linkFarm entries must be either attrs or a list!";
      link = name: path: ''
        mkdir -p -- "$(dirname -- ${lib.escapeShellArg name})"
        ln -s -- ${lib.escapeShellArg "${path}"} ${lib.escapeShellArg name}
      '';
    in
    runCommand name {
      preferLocalBuild = true;
      allowSubstitutes = false;
      passthru.entries = set;
    } ''
      mkdir -p $out
      cd $out
      ${lib.concatStrings (lib.mapAttrsToList link set)}
    '';

  # linkFarmFromDrvs name drvs: a link named after each derivation's name.
  linkFarmFromDrvs = name: drvs: linkFarm name (map (drv: { inherit (drv) name; path = drv; }) drvs);

  # writeShellApplication { name, text, runtimeInputs ? [], runtimeEnv ? null,
  #   bashOptions ? [ "errexit" "nounset" "pipefail" ], checkPhase ? null, inheritPath ? true, ... }:
  # bin/NAME, a bash script with strict options, its inputs' bin directories on PATH,
  # checked for syntax (`bash -n`; the host has no shellcheck) unless checkPhase is given.
  writeShellApplication =
    { name, text, runtimeInputs ? [ ], runtimeEnv ? null, bashOptions ? [ "errexit" "nounset" "pipefail" ]
    , checkPhase ? null, inheritPath ? true, meta ? { }, passthru ? { }, derivationArgs ? { }
    , excludeShellChecks ? [ ], extraShellCheckFlags ? [ ] }:
    writeTextFile {
      inherit name meta passthru derivationArgs;
      executable = true;
      destination = "/bin/${name}";
      allowSubstitutes = true;
      preferLocalBuild = false;
      text = lib.concatStrings [
        "#!${stdenv.shell}\n"
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
        ${stdenv.shellDryRun} "$target"
        runHook postCheck
      '';
    };
}
