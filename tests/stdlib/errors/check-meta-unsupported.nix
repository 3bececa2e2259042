# nixpkgs: Package ‘elsewhere’ in FILE:LINE is not available on the requested hostPlatform: ...
with import ../../../stdlib { };
(stdenvNoCC.mkDerivation {
  name = "elsewhere";
  meta.platforms = [ "riscv64-none" ];
  meta.badPlatforms = lib.platforms.darwin;
}).drvPath
