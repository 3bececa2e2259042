# The setup hook of tests/stdenv/cases.nix hooked.
export HOOKED_FROM="@out@"
export HOOKED_TOOL="@toolName@"
export HOOKED_NOTE="@hookNote@"
# A hook may use `local` (it is sourced inside a function, as nixpkgs' activatePackage).
local hookScratch=unused
