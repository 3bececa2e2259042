# Shared by the scripts that regenerate expected outputs with the reference Nix
# (tests/lang/generate.sh, tests/instantiate/generate.sh): sourced, not run.

# write_if_changed FILE CONTENT: writes CONTENT to FILE (byte for byte) unless FILE
# already holds it, and says so when it writes.
write_if_changed() {
  if [ ! -f "$1" ] || [ "$(cat "$1"; printf x)" != "$2x" ]; then
    printf '%s' "$2" >"$1"
    echo "updated $1"
  fi
}
