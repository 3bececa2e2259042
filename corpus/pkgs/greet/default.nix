# A program that uses libgreet, finding its header and library through buildInputs
# alone: it gives no -I, -L or rpath of its own.
{ stdenv, libgreet }:
stdenv.mkDerivation {
  pname = "greet";
  version = "1.0";
  src = ../../sources/greet;
  buildInputs = [ libgreet ];
}
