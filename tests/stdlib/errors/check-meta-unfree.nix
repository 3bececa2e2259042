# nixpkgs: Package ‘nonfree-2’ in FILE:LINE has an unfree license (‘unfree’), refusing to evaluate.
with import ../../../stdlib { };
(stdenvNoCC.mkDerivation {
  name = "nonfree-2";
  meta = {
    description = "not free";
    license = [ lib.licenses.mit lib.licenses.unfree ];
  };
}).outPath
