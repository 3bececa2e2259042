# A message of the day: builder is a builtins.toFile script (with a literal `$` and a
# source-path reference), env holds a list of source paths.
{ mkDerivation, lib }:
mkDerivation {
  name = "motd";
  builderScript = builtins.toFile "motd.sh" ''
    cat ${../../sources/motd.txt} > $out
    echo "built for $system" >> $out
    for f in $extraFiles; do cat "$f" >> $out; done
  '';
  extraFiles = [ ../../sources/hello-src/hello.c ../../sources/hello-src/Makefile ];
}
