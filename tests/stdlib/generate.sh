#!/usr/bin/env bash
# Regenerate the expected outputs of the standard library's tests with the reference Nix.
#
#   tests/stdlib/generate.sh            # every case
#   tests/stdlib/generate.sh FILE...    # only these .nix files (lib/x.nix, errors/y.nix)
#
# Layout:
#   lib/NAME.nix    -> lib/NAME.exp        stdout of `nix-instantiate --eval --strict NAME.nix`; exit 0
#   errors/NAME.nix -> errors/NAME.err.exp stderr of the same command; exit 1
# (lib/data/ holds the files the tests read.) Every command runs with cwd = the test's
# directory, in an environment cleared of everything but PATH and HOME. In every expected
# file, each occurrence of the repository's absolute path is replaced by `/repo` (the
# test runner, tests/stdlib_lib.rs, does the same to its own output).
#
# This runs the reference evaluator on Ferrix's own stdlib/lib: it checks evaluation
# semantics, not fidelity to nixpkgs; the `# nixpkgs:` comments in the tests hold what
# nixpkgs documents for each case.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
repo=$(cd "$here/../.." && pwd -P)
refnix=${REFNIX:-$repo/../shared/tools/refnix}
[ -x "$refnix" ] || refnix=/work/shared/tools/refnix

# shellcheck source=../common/generate-lib.sh
. "$here/../common/generate-lib.sh"

run() { # run DIR FILE ; sets out, err, rc
  local o e
  o=$(mktemp) e=$(mktemp)
  (cd "$1" && env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=/tmp \
    "$refnix" nix-instantiate --eval --strict "$2" >"$o" 2>"$e")
  rc=$?
  out=$(sed "s|$repo|/repo|g" "$o"; printf x); out=${out%x}
  err=$(sed "s|$repo|/repo|g" "$e"; printf x); err=${err%x}
  rm -f "$o" "$e"
}

files=()
for f in "$@"; do files+=("$(realpath "$f")"); done
cd "$here"
if [ $# -eq 0 ]; then files=(lib/*.nix errors/*.nix); fi
fails=0
for f in "${files[@]}"; do
  f=${f#"$here"/}
  dir=$(dirname "$f") name=$(basename "$f" .nix)
  run "$here/$dir" "$name.nix"
  case "$dir" in
    lib)
      if [ "$rc" -ne 0 ]; then echo "FAIL $f: exit $rc: $err" >&2; fails=$((fails + 1)); continue; fi
      write_if_changed "$dir/$name.exp" "$out"
      ;;
    errors)
      if [ "$rc" -ne 1 ]; then echo "FAIL $f: exit $rc, expected 1" >&2; fails=$((fails + 1)); continue; fi
      write_if_changed "$dir/$name.err.exp" "$err"
      ;;
    *) echo "unknown test directory: $f" >&2; fails=$((fails + 1)) ;;
  esac
done
exit $((fails > 0))
