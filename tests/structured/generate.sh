#!/usr/bin/env bash
# Regenerate tests/structured/expected/closure-info/: what closureInfo must write for
# the roots of tests/structured/reference-export.nix, made from the reference Nix's own
# exportReferencesGraph output (the `closure` list of its .attrs.json) the way nixpkgs'
# closure-info turns it into files (with jq):
#   registration    each path, its narHash, its narSize, an empty deriver, the number
#                   of its references and the references, one a line
#   store-paths     the paths, one a line
#   total-nar-size  the sum of the narSizes
#
#   tests/structured/generate.sh      (needs ../shared/tools/refnix and jq)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
top=$(cd "$here/../.." && pwd -P)
refnix=${REFNIX:-$top/../shared/tools/refnix}
[ -x "$refnix" ] || refnix=/work/shared/tools/refnix
# shellcheck source=../common/generate-lib.sh
. "$top/tests/common/generate-lib.sh"
cd "$top"

run() { env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=/tmp "$refnix" "$@"; }
out=$(run nix-build --no-out-link tests/structured/reference-export.nix)
json=$(run cat "$out")
dir=$here/expected/closure-info
mkdir -p "$dir"
# (Command substitution drops trailing newlines: each file's is added back.)
write_if_changed "$dir/registration" "$(jq -r '.closure | map([.path, .narHash, .narSize, "", (.references | length)] + .references) | add | map("\(.)\n") | add' <<<"$json")
"
write_if_changed "$dir/store-paths" "$(jq -r '.closure | map(.path) | .[]' <<<"$json")
"
write_if_changed "$dir/total-nar-size" "$(jq -r '.closure | map(.narSize) | add' <<<"$json")
"
