# writeText-style builders, after nixpkgs' trivial-builders: the text travels through
# passAsFile (as a file whose name is in $textPath), the script through the environment.
{ lib, mkDerivation }:
rec {
  runCommand = name: env: buildCommand:
    mkDerivation ({ inherit name buildCommand; } // env);

  writeTextFile =
    { name, text, executable ? false, destination ? "" }:
    runCommand name
      {
        inherit text executable destination;
        passAsFile = [ "text" ];
        preferLocalBuild = true;
        allowSubstitutes = false;
      }
      ''
        target=$out${lib.escapeShellArg destination}
        mkdir -p "$(dirname "$target")"
        cp "$textPath" "$target"
        ${lib.optionalString executable ''chmod +x "$target"''}
      '';

  writeText = name: text: writeTextFile { inherit name text; };

  writeShellScriptBin = name: text:
    writeTextFile {
      inherit name;
      executable = true;
      destination = "/bin/${name}";
      text = ''
        #!/bin/sh
        ${text}
      '';
    };

  # Links the given packages' outputs into one tree.
  symlinkJoin = { name, paths, passthru ? { } }:
    runCommand name { inherit paths passthru; } ''
      mkdir -p $out
      for p in $paths; do cp -rs $p/. $out/; done
    '';
}
