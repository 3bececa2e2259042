#!/usr/bin/env bash
# Regenerate the expected outputs of the language test corpus with the reference Nix.
#
#   tests/lang/generate.sh            # every case
#   tests/lang/generate.sh NAME...    # only these .nix files (e.g. eval-okay-foo.nix)
#
# Layout (as in the reference implementation's tests/functional/lang):
#   eval-okay-NAME.nix  -> eval-okay-NAME.exp      stdout of `nix-instantiate --eval --strict NAME`
#                          (or of `nix-instantiate $(cat eval-okay-NAME.flags) NAME` when a
#                          .flags file exists: the flags REPLACE `--eval --strict`); exit 0
#   eval-fail-NAME.nix  -> eval-fail-NAME.err.exp  stderr of the same command; exit 1
#   parse-okay-NAME.nix -> parse-okay-NAME.exp     stdout of `nix-instantiate --parse NAME`; exit 0
#   parse-fail-NAME.nix -> parse-fail-NAME.err.exp stderr of the same; exit 1
# Every command runs with cwd = this directory, in an environment cleared of everything
# but PATH and HOME. In every expected file (stdout and stderr alike), each occurrence of
# this directory's absolute path is replaced by `/pwd` (a test runner must do the same
# substitution on its own output before comparing).
# The files a test imports or reads live in lib/.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
refnix=${REFNIX:-$(cd "$here/../.." && pwd -P)/../shared/tools/refnix}
[ -x "$refnix" ] || refnix=/work/shared/tools/refnix
cd "$here"

run() { # run CMD... ; sets out, err, rc
  local o e
  o=$(mktemp) e=$(mktemp)
  # (refnix itself needs chroot/unshare from the sbin directories; nothing evaluated reads PATH)
  env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin HOME=/tmp "$refnix" "$@" >"$o" 2>"$e"
  rc=$?
  out=$(sed "s|$here|/pwd|g" "$o"; printf x); out=${out%x}
  err=$(sed "s|$here|/pwd|g" "$e"; printf x); err=${err%x}
  rm -f "$o" "$e"
}

# shellcheck source=../common/generate-lib.sh
. "$here/../common/generate-lib.sh"

if [ $# -gt 0 ]; then files=("$@"); else files=(*.nix); fi
fails=0
for f in "${files[@]}"; do
  f=${f##*/}
  name=${f%.nix}
  case "$name" in
    eval-okay-*|eval-fail-*)
      if [ -f "$name.flags" ]; then
        read -r -a flags <"$name.flags"
      else
        flags=(--eval --strict)
      fi
      run nix-instantiate "${flags[@]}" "$f" ;;
    parse-okay-*|parse-fail-*)
      run nix-instantiate --parse "$f" ;;
    *) continue ;;
  esac
  case "$name" in
    *-okay-*)
      if [ "$rc" -ne 0 ]; then
        echo "FAIL $f: expected exit 0, got $rc" >&2; printf '%s' "$err" | head -20 >&2
        fails=$((fails + 1)); continue
      fi
      write_if_changed "$name.exp" "$out" ;;
    *-fail-*)
      if [ "$rc" -ne 1 ]; then
        echo "FAIL $f: expected exit 1, got $rc" >&2; printf '%s' "$out$err" | head -20 >&2
        fails=$((fails + 1)); continue
      fi
      write_if_changed "$name.err.exp" "$err" ;;
  esac
done
if [ "$fails" -ne 0 ]; then echo "$fails case(s) did not behave as their name says" >&2; exit 1; fi
