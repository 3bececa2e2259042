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
}
