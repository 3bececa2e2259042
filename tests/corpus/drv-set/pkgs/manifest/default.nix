# Odd but valid references: an output by name, the `all` list, JSON of store paths (builtins.toJSON keeps context),
# and a string whose context was discarded (no dependency). (A .drv path itself,
# `greet.drvPath`, as an input is valid too, but the reference evaluator then needs the
# .drv in its store, which `nix-instantiate --eval` in read-only mode never writes.)
{ mkDerivation, greet, libgreet, hello-sources, lib }:
mkDerivation {
  pname = "manifest";
  version = "3";
  docs = libgreet.doc;
  everything = libgreet.all;
  json = builtins.toJSON { inherit greet; sources = hello-sources; };
  notADependency = builtins.unsafeDiscardStringContext "${libgreet.out}";
  buildCommand = ''
    echo "$docs $everything $json $notADependency" > $out
  '';
}
