#!/usr/bin/env bash
# Evaluation benchmarks: each bench/eval/*.nix workload with Ferrix (release build) and
# the reference (`refnix nix-instantiate --eval --strict`), 5 runs each; prints median
# wall time, median peak RSS and the ratios (below 1 means Ferrix is better).
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
bench() {
  local times=() mems=()
  for _ in $(seq "$runs"); do
    read -r t m < <(measure "$@")
    times+=("$t"); mems+=("$m")
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | median)" "$(printf '%s\n' "${mems[@]}" | median)"
}

workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(recursion lists attrs strings packages)
printf '%-10s %10s %10s %10s %10s %8s %8s\n' workload ferrix_s ref_s ferrix_MiB ref_MiB time_x mem_x
for w in "${workloads[@]}"; do
  f=$here/eval/$w.nix
  ours=$("$ferrix" nix-instantiate --eval --strict "$f")
  theirs=$("$refnix" nix-instantiate --eval --strict "$f")
  [ "$ours" = "$theirs" ] || { echo "$w: results differ: ferrix $ours, reference $theirs" >&2; exit 1; }
  read -r ft fm < <(bench "$ferrix" nix-instantiate --eval --strict "$f")
  read -r rt rm < <(bench "$refnix" nix-instantiate --eval --strict "$f")
  printf '%-10s %10.2f %10.2f %10.1f %10.1f %8.2f %8.2f\n' "$w" "$ft" "$rt" "$(echo "$fm/1024" | bc -l)" \
    "$(echo "$rm/1024" | bc -l)" "$(echo "$ft/$rt" | bc -l)" "$(echo "$fm/$rm" | bc -l)"
done
