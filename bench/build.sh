#!/usr/bin/env bash
# Build benchmark: the n (200) trivial independent derivations of bench/build/drvs.nix
# built with -j 2 by Ferrix (release build, in its sandbox, /bin /usr /lib /lib64
# exposed for /bin/sh) and by the reference (refnix nix-build, unsandboxed in its
# chroot), RUNS runs each (default 3), alternating; each run uses a new seed, so every
# derivation is new, and includes instantiation. Prints the median wall times and
# their ratio (below 1 means Ferrix is faster).
#
#   bench/build.sh
#   N=20 bench/build.sh      # fewer derivations, a quick check
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
refnix=${REFNIX:-$top/../shared/tools/refnix}
runs=${RUNS:-3}
n=${N:-200}
file=$here/build/drvs.nix
ferrix=$top/target/release/ferrix
cargo build --release --quiet --manifest-path "$top/Cargo.toml"
work=$(mktemp -d "${TMPDIR:-/tmp}/ferrix-bench-build.XXXXXX")
cleanup() { chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
seed="$(date +%s)-$$"
k=0
ferrix_run() {
  "$ferrix" --store "$work/ferrix" nix-build --no-out-link -j 2 "$file" --arg n "$n" --argstr seed "$1" \
    --option sandbox-paths "/bin /usr /lib /lib64"
}
ref_run() { "$refnix" nix-build --no-out-link -j 2 "$file" --arg n "$n" --argstr seed "$1"; }
# Seconds one run takes; its output must list n paths.
measure() {
  local start end count
  start=$(date +%s.%N)
  count=$("$@" 2>"$work/err" | wc -l) || { cat "$work/err" >&2; exit 1; }
  end=$(date +%s.%N)
  [ "$count" = "$n" ] || { echo "expected $n paths, got $count" >&2; cat "$work/err" >&2; exit 1; }
  echo "$end - $start" | bc -l
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ft=() rt=()
for _ in $(seq "$runs"); do
  k=$((k + 1)); ft+=("$(measure ferrix_run "$seed-f$k")")
  rt+=("$(measure ref_run "$seed-r$k")")
done
f=$(printf '%s\n' "${ft[@]}" | median) r=$(printf '%s\n' "${rt[@]}" | median)
printf '%-12s %10s %10s %8s\n' workload ferrix_s ref_s time_x
printf '%-12s %10.2f %10.2f %8.2f\n' "builds:$n" "$f" "$r" "$(echo "$f/$r" | bc -l)"
