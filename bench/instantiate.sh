#!/usr/bin/env bash
# Instantiation benchmark: bench/instantiate/drvs.nix (20000 generated derivations with
# shared dependencies, multiple outputs, structured attrs and fixed outputs) written to a
# fresh, empty store by Ferrix (release build) and by the reference, RUNS runs each
# (default 3), alternating; prints median wall time, median peak RSS and the ratios
# (below 1 means Ferrix is better).
#
#   bench/instantiate.sh
#   N=1000 bench/instantiate.sh     # fewer derivations (passed as --arg n N), a quick check
#   REF_ONLY=1 bench/instantiate.sh # the reference alone (no build, no comparison)
#
#   ferrix: target/release/ferrix nix-instantiate --store DIR/ferrix-K drvs.nix
#   reference: refnix nix-instantiate --store DIR/ref-K drvs.nix
# Every run gets a store directory of its own that does not exist yet (the reference's
# --store DIR is its "chroot store": paths are still /nix/store/..., files under DIR, as
# with Ferrix's --store), so that both write all 20000 .drv files and register them in
# a new database every time. The stores are kept until the end: on ext4, creating files
# soon (within about 30 s) after deleting many makes the kernel's inode allocator scan
# past the recently freed inodes, which would slow down whichever run follows a
# deletion. Before the timed runs, both outputs (the .drv paths) are compared.
#
# Needs ../shared/tools/refnix and GNU time (/usr/bin/time; `apt-get install time`).
# The stores go under $TMPDIR (default /tmp), which must be visible to refnix's chroot
# (it is for /tmp and for any top-level folder such as /work).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
refnix=${REFNIX:-$top/../shared/tools/refnix}
runs=${RUNS:-3}
file=$here/instantiate/drvs.nix
args=()
[ -z "${N:-}" ] || args=(--arg n "$N")
ref_only=${REF_ONLY:-}
ferrix=$top/target/release/ferrix
[ -n "$ref_only" ] || cargo build --release --quiet --manifest-path "$top/Cargo.toml"
work=$(mktemp -d "${TMPDIR:-/tmp}/ferrix-bench-instantiate.XXXXXX")
cleanup() { chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
k=0
# A store directory not used before.
fresh() { k=$((k + 1)); echo "$work/$1-$k"; }
ferrix_cmd() { ferrix_c=("$ferrix" nix-instantiate --store "$1" "${args[@]}" "$file"); }
ref_cmd() { ref_c=("$refnix" nix-instantiate --store "$1" "${args[@]}" "$file"); }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Prints "seconds kib" for one run of the command.
measure() { /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; cat "$work/time"; }
# Runs the command, prints its stdout; on failure shows its stderr and exits.
output() { "$@" 2>"$work/err" || { echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }; }

s=$(fresh ref); ref_cmd "$s"; theirs=$(output "${ref_c[@]}")
count=$(echo "$theirs" | wc -l)
if [ -z "$ref_only" ]; then
  s=$(fresh ferrix); ferrix_cmd "$s"; ours=$(output "${ferrix_c[@]}")
  [ "$ours" = "$theirs" ] || {
    echo "the .drv paths differ (first differences, < ferrix, > reference):" >&2
    diff <(echo "$ours") <(echo "$theirs") | head -10 >&2
    exit 1
  }
fi

ft=() fm=() rt=() rm=()
for _ in $(seq "$runs"); do
  if [ -z "$ref_only" ]; then
    s=$(fresh ferrix); ferrix_cmd "$s"; read -r t m < <(measure "${ferrix_c[@]}")
    ft+=("$t"); fm+=("$m")
  fi
  s=$(fresh ref); ref_cmd "$s"; read -r t m < <(measure "${ref_c[@]}")
  rt+=("$t"); rm+=("$m")
done
med() { printf '%s\n' "$@" | median; }
r_t=$(med "${rt[@]}") r_m=$(med "${rm[@]}")
if [ -n "$ref_only" ]; then
  printf '%-12s %10s %10s   (runs: %s)\n' workload ref_s ref_MiB "${rt[*]}"
  printf '%-12s %10.2f %10.1f\n' "drvs:$count" "$r_t" "$(echo "$r_m/1024" | bc -l)"
  exit 0
fi
f_t=$(med "${ft[@]}") f_m=$(med "${fm[@]}")
printf '%-12s %10s %10s %10s %10s %8s %8s\n' workload ferrix_s ref_s ferrix_MiB ref_MiB time_x mem_x
printf '%-12s %10.2f %10.2f %10.1f %10.1f %8.2f %8.2f\n' "drvs:$count" "$f_t" "$r_t" \
  "$(echo "$f_m/1024" | bc -l)" "$(echo "$r_m/1024" | bc -l)" \
  "$(echo "$f_t/$r_t" | bc -l)" "$(echo "$f_m/$r_m" | bc -l)"
