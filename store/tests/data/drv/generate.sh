#!/bin/sh
# Regenerates the golden files from the reference Nix (run from this directory):
#   store/<hash>-<name>.drv  every derivation in the closure of cases.nix and xp.nix
#   show/<hash>-<name>.json  `nix derivation show` of each of them
#   cases.json               per case: its drv path and output paths
set -eu
R=/work/shared/tools/refnix
XP='nix-command ca-derivations dynamic-derivations impure-derivations'
rm -rf store show && mkdir -p store show
index='f: builtins.mapAttrs (n: d: { drvPath = d.drvPath;
  outputs = builtins.listToAttrs (map (o: { name = o; value = d.${o}.outPath; }) (d.outputs or [ "out" ])); }) (import f)'
drvs=""
for f in cases.nix xp.nix; do
  drvs="$drvs $($R nix-instantiate --extra-experimental-features "$XP" --read-write-mode "$f" 2>/dev/null | sed 's/!.*//')"
done
for p in $($R nix-store -qR $drvs | grep '\.drv$'); do
  base=${p#/nix/store/}
  $R cat "$p" > "store/$base"
  $R nix --extra-experimental-features "$XP" derivation show "$p" > "show/${base%.drv}.json"
done
$R nix-instantiate --extra-experimental-features "$XP" --read-write-mode --eval --strict --json \
  -E "let index = $index; in index $PWD/cases.nix // index $PWD/xp.nix" > cases.json
