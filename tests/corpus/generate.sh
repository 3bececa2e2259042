#!/usr/bin/env bash
# Regenerate tests/corpus/expected-paths.json: the .drv and output paths of every
# derivation of the corpus package set (tests/corpus/drv-set/paths.nix: the plain set, the set with
# overlays, and the plain set for aarch64-linux), as the reference Nix computes them:
#
#   nix-instantiate --eval --strict --json tests/corpus/drv-set/paths.nix
#
# run with cwd = the repository root (the file name is relative) in an environment
# cleared of everything but PATH and HOME. The output holds no absolute path of the
# checkout (only store paths), so no substitution is needed.
#
#   tests/corpus/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
top=$(cd "$here/../.." && pwd -P)
refnix=${REFNIX:-$top/../shared/tools/refnix}
[ -x "$refnix" ] || refnix=/work/shared/tools/refnix
cd "$top"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# (refnix itself needs chroot/unshare from the sbin directories; nothing evaluated reads PATH)
env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=/tmp \
  "$refnix" nix-instantiate --eval --strict --json tests/corpus/drv-set/paths.nix >"$out"
expected=$here/expected-paths.json
if [ ! -f "$expected" ] || ! cmp -s "$out" "$expected"; then
  cp "$out" "$expected"
  echo "updated $expected"
fi
