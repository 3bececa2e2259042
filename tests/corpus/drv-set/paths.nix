# The comparison target: for the plain set and for the set with overlays, every
# derivation (recursing into scopes marked recurseForDerivations) as
#   "name" = { drvPath; path; };   "name.output" = { drvPath; path; };
# (`path` is the output path: a set with an `outPath` attribute would be printed as
# just that string by --json.)
# `nix-instantiate --eval --strict --json corpus/paths.nix` thus instantiates them all.
let
  lib = import ./lib;

  entries = prefix: set:
    lib.concatMap (name:
      let v = set.${name}; path = prefix + name; in
      if lib.isDerivation v then
        [ (lib.nameValuePair path { inherit (v) drvPath; path = v.outPath; }) ]
        ++ map (o: lib.nameValuePair "${path}.${o}" { inherit (v.${o}) drvPath; path = v.${o}.outPath; })
          (v.outputs or [ "out" ])
      else if builtins.isAttrs v && v.recurseForDerivations or false then
        entries "${path}." v
      else [ ])
      (builtins.attrNames set);

  pathsOf = set: builtins.listToAttrs (entries "" set);
in
{
  plain = pathsOf (import ./. { });
  overlays = pathsOf (import ./with-overlays.nix { });
  aarch64 = pathsOf (import ./. { system = "aarch64-linux"; });
}
