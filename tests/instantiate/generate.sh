#!/usr/bin/env bash
# Regenerate the instantiation goldens with the reference Nix.
#
#   tests/instantiate/generate.sh            # every case
#   tests/instantiate/generate.sh NAME...    # only these .nix files (e.g. chain.nix)
#
# For each NAME.nix (cwd = this directory, relative file name, environment cleared of
# everything but PATH and HOME):
#   NAME.out   stdout of `nix-instantiate NAME.nix` (the .drv paths, one a line); exit 0
#   NAME.drvs  for every .drv in the closure of those paths (`nix-store -qR`, keeping the
#              paths ending in .drv, sorted): the path on one line, then the exact contents
#              of the .drv file, then a newline.
# In both files, this directory's absolute path is replaced by `/pwd` (no case should
# depend on it: sources are copied to the store by content).
# Sources the cases use live in src/.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
refnix=${REFNIX:-$(cd "$here/../.." && pwd -P)/../shared/tools/refnix}
[ -x "$refnix" ] || refnix=/work/shared/tools/refnix
cd "$here"

rn() { # run the reference with a cleared environment
  env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=/tmp "$refnix" "$@"
}

# shellcheck source=../common/generate-lib.sh
. "$here/../common/generate-lib.sh"

if [ $# -gt 0 ]; then files=("$@"); else files=(*.nix); fi
fails=0
for f in "${files[@]}"; do
  f=${f##*/}
  name=${f%.nix}
  [ -f "$f" ] || { echo "FAIL $f: no such case" >&2; fails=$((fails + 1)); continue; }
  err=$(mktemp)
  if ! out=$(rn nix-instantiate "$f" 2>"$err"); then
    echo "FAIL $f: nix-instantiate failed" >&2; head -20 "$err" >&2; rm -f "$err"
    fails=$((fails + 1)); continue
  fi
  rm -f "$err"
  out=$(printf '%s\n' "$out" | sed "s|$here|/pwd|g")
  # a non-default output prints as PATH.drv!OUTPUT
  mapfile -t roots < <(printf '%s\n' "$out" | grep -v '^$' | sed 's/!.*//' | LC_ALL=C sort -u)
  if ! closure=$(rn nix-store -qR "${roots[@]}"); then
    echo "FAIL $f: nix-store -qR failed" >&2; fails=$((fails + 1)); continue
  fi
  drvs=""
  while read -r p; do
    if ! content=$(rn cat "$p"; printf x); then
      echo "FAIL $f: cannot read $p" >&2; fails=$((fails + 1)); continue 2
    fi
    drvs+="$p"$'\n'"${content%x}"$'\n'
  done < <(printf '%s\n' "$closure" | grep '\.drv$' | LC_ALL=C sort)
  drvs=$(printf '%s' "$drvs" | sed "s|$here|/pwd|g"; printf x); drvs=${drvs%x}
  write_if_changed "$name.out" "$out"$'\n'
  write_if_changed "$name.drvs" "$drvs"
done
if [ "$fails" -ne 0 ]; then echo "$fails case(s) failed" >&2; exit 1; fi
