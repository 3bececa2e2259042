# An interpreter with a withPackages function in passthru (a function of the scope).
{ mkDerivation, libcompress, symlinkJoin, minipyPackages }:
let
  self = mkDerivation {
    pname = "minipy";
    version = "3.12";
    buildInputs = [ libcompress ];
    buildCommand = "mkdir -p $out/bin; echo python > $out/bin/minipy";
    passthru = {
      pkgs = minipyPackages;
      withPackages = f: symlinkJoin {
        name = "minipy-env";
        paths = [ self ] ++ f minipyPackages;
      };
    };
  };
in
self
