#!/usr/bin/env bash
# Regenerates the expected outputs of tests/build.rs with the reference Nix
# (../shared/tools/refnix): what failing builds print (without the "will be built" and
# "building" lines, which depend on the order of output), the environment builders see
# (the reference builds unsandboxed, in /nix/var/nix/builds/nix-<pid>-<n>, which is
# written here as /build, the sandbox's build directory) and the registration of an
# output (NAR hash, size, references).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
refnix=${REFNIX:-$top/../shared/tools/refnix}
. "$top/tests/common/generate-lib.sh"
exp=$here/expected
mkdir -p "$exp"
cd "$here"

errors() { # ATTR: the reference's stderr for a failing build of ATTR
  "$refnix" nix-build -Q --no-out-link cases.nix -A "$1" 2>&1 >/dev/null \
    | grep -v -e '^  /nix/store/.*\.drv$' -e 'will be built:$' -e "^building '" || true
}
for attr in fail dependent noout cycle allowed disallowed badspec fodBad fodRef fodFlatRef loosePerm \
  exportOdd exportBadName exportNonStore exportNotInput exportBadValue; do
  write_if_changed "$exp/$attr.err" "$(errors "$attr")"$'\n'
done

contents() { # ATTR: the file the build of ATTR wrote, build directory made /build
  local out
  out=$("$refnix" nix-build --no-out-link cases.nix -A "$1" 2>/dev/null)
  "$refnix" cat "$out" | sed -E 's#/nix/var/nix/builds/nix-[0-9]+-[0-9]+#/build#g'
}
write_if_changed "$exp/envPlain.out" "$(contents envPlain)"$'\n'
write_if_changed "$exp/envStructured.out" "$(contents envStructured)"$'\n'
for attr in exportPlain exportDrv exportStructured; do
  write_if_changed "$exp/$attr.out" "$(contents "$attr")"$'\n'
done

out=$("$refnix" nix-build --no-out-link cases.nix -A linked 2>/dev/null)
write_if_changed "$exp/linked.info" "$(
  echo "$out"
  "$refnix" nix-store -q --hash "$out"
  "$refnix" nix-store -q --size "$out"
  "$refnix" nix-store -q --references "$out"
)"$'\n'
