# makeSetupHook { name, deps ? [], substitutions ? {}, meta ? {}, passthru ? {} } script:
# a package whose nix-support/setup-hook is `script` (with @VAR@ replaced by the
# substitutions, through the shell's substituteAll, when there are any), propagating
# `deps` to whoever uses it. As nixpkgs' makeSetupHook.
{ lib, runCommand }:
{ name, deps ? [ ], substitutions ? { }, meta ? { }, passthru ? { } }:
script:
runCommand name (substitutions // {
  inherit meta passthru;
  propagatedBuildInputs = deps;
}) (''
  mkdir -p "$out/nix-support"
'' + (if substitutions == { }
  then ''cp ${script} "$out/nix-support/setup-hook"''
  else ''substituteAll ${script} "$out/nix-support/setup-hook"''))
