#!/usr/bin/env bash
# Evaluation benchmarks: each bench/eval/*.nix workload with Ferrix (release build) and
# the reference (`refnix nix-instantiate --eval --strict`), 5 runs each, alternating;
# prints median wall time, median peak RSS and the ratios (below 1 means Ferrix is
# better).
#
#   bench/eval.sh [WORKLOAD...]
#
# Needs ../shared/tools/refnix and GNU time (/usr/bin/time; `apt-get install time`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
refnix=${REFNIX:-$top/../shared/tools/refnix}
runs=${RUNS:-5}
cargo build --release --quiet --manifest-path "$top/Cargo.toml"
ferrix=$top/target/release/ferrix

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Prints "seconds kib" for one run of the command.
measure() { /usr/bin/time -f '%e %M' -o /tmp/bench-time.$$ "$@" >/dev/null 2>/tmp/bench-err.$$ || { cat /tmp/bench-err.$$ >&2; exit 1; }; cat /tmp/bench-time.$$; }
# Runs Ferrix and the reference alternately (so that a machine whose speed drifts
# affects both alike) and prints "ferrix_s ferrix_kib ref_s ref_kib", medians.
bench() {
  local f=$1 ft=() fm=() rt=() rm=()
  for _ in $(seq "$runs"); do
    read -r t m < <(measure "$ferrix" nix-instantiate --eval --strict "$f")
    ft+=("$t"); fm+=("$m")
    read -r t m < <(measure "$refnix" nix-instantiate --eval --strict "$f")
    rt+=("$t"); rm+=("$m")
  done
  local med
  for a in ft fm rt rm; do
    local -n arr=$a
    med+=("$(printf '%s\n' "${arr[@]}" | median)")
  done
  echo "${med[@]}"
}

workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(recursion lists attrs strings packages)
printf '%-10s %10s %10s %10s %10s %8s %8s\n' workload ferrix_s ref_s ferrix_MiB ref_MiB time_x mem_x
for w in "${workloads[@]}"; do
  f=$here/eval/$w.nix
  ours=$("$ferrix" nix-instantiate --eval --strict "$f")
  theirs=$("$refnix" nix-instantiate --eval --strict "$f")
  [ "$ours" = "$theirs" ] || { echo "$w: results differ: ferrix $ours, reference $theirs" >&2; exit 1; }
  read -r ft fm rt rm < <(bench "$f")
  printf '%-10s %10.2f %10.2f %10.1f %10.1f %8.2f %8.2f\n' "$w" "$ft" "$rt" "$(echo "$fm/1024" | bc -l)" \
    "$(echo "$rm/1024" | bc -l)" "$(echo "$ft/$rt" | bc -l)" "$(echo "$fm/$rm" | bc -l)"
done
