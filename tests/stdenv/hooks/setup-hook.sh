# The setup hook of tests/stdenv/cases.nix hooked.
export HOOKED_FROM="@out@"
export HOOKED_TOOL="@toolName@"
export HOOKED_NOTE="@hookNote@"
