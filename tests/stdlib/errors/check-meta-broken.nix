# nixpkgs: Package ‘brk-1.0’ in FILE:LINE is marked as broken, refusing to evaluate.
with import ../../../stdlib { };
(stdenvNoCC.mkDerivation {
  pname = "brk";
  version = "1.0";
  meta.broken = true;
}).drvPath
