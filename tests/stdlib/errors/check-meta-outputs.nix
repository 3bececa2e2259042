# nixpkgs (with config.checkMeta): Package ‘outs’ in FILE:LINE has invalid meta.outputsToInstall, refusing to evaluate.
with import ../../../stdlib { config.checkMeta = true; };
(stdenvNoCC.mkDerivation {
  name = "outs";
  outputs = [ "out" "lib" ];
  meta.outputsToInstall = [ "out" "dev" "man" ];
}).drvPath
