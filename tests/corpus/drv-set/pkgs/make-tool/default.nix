# A stand-in for make whose builder is a script written by builtins.toFile; the script
# refers to another toFile and to a source file, so that it has references of its own.
{ mkDerivation }:
let
  helper = builtins.toFile "make-helper.sh" ''
    echo "make: nothing to be done"
  '';
  script = builtins.toFile "make-tool-builder.sh" ''
    mkdir -p $out/bin
    cp ${helper} $out/bin/make
    chmod +x $out/bin/make
    cp ${../../sources/motd.txt} $out/motd
  '';
in
mkDerivation {
  pname = "make-tool";
  version = "4.4";
  builderScript = script;
  passthru = { inherit helper script; };
}
