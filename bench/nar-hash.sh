#!/usr/bin/env bash
# Benchmark: sha256 of the NAR serialisation of a ~1 GiB tree of mixed files.
# Ferrix (`ferrix hash path --type sha256 --base16`) against the reference
# (`refnix nix-hash --type sha256`), median of 5 runs each, caches warm.
#
#   bench/nar-hash.sh [TOTAL_MIB]
#
# Needs ../shared/tools/refnix (the reference in a chroot) and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
refnix=${REFNIX:-$top/../shared/tools/refnix}
size=${1:-1024}
tree=$here/data/tree-$size
runs=5

[ -d "$tree" ] || python3 "$here/gen_tree.py" "$tree" "$size"
cargo build --release --quiet --manifest-path "$top/Cargo.toml"
ferrix=$top/target/release/ferrix

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() {
  for _ in $(seq $runs); do
    local t0 t1
    t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
  done | median
}

ours=$("$ferrix" hash path --type sha256 --base16 "$tree")
theirs=$("$refnix" nix-hash --type sha256 "$tree")
[ "$ours" = "$theirs" ] || { echo "hash mismatch: ferrix $ours, reference $theirs" >&2; exit 1; }

# Warm the page cache once, then time.
cat $(find "$tree" -type f) >/dev/null 2>&1 || true
t_ferrix=$(time_runs "$ferrix" hash path --type sha256 --base16 "$tree")
t_ref=$(time_runs "$refnix" nix-hash --type sha256 "$tree")
bytes=$(du -sb "$tree" | cut -f1)
printf 'tree: %s (%d MiB), hash %s\n' "$tree" $((bytes >> 20)) "$ours"
printf 'ferrix    median %.3f s  (%.0f MiB/s)\n' "$t_ferrix" "$(echo "$bytes / 1048576 / $t_ferrix" | bc -l)"
printf 'reference median %.3f s  (%.0f MiB/s)\n' "$t_ref" "$(echo "$bytes / 1048576 / $t_ref" | bc -l)"
printf 'ratio ferrix/reference time: %.2f (below 1 is faster)\n' "$(echo "$t_ferrix / $t_ref" | bc -l)"
