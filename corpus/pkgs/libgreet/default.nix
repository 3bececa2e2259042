# A C library with multiple outputs: its command in `bin`, the shared library in
# `lib`, headers and pkg-config file in `dev`, its README in `doc`, manual pages in
# `man`. configure gets each output's directories (setOutputFlags), and fixup moves
# what is left where it belongs.
{ stdenv }:
stdenv.mkDerivation {
  pname = "libgreet";
  version = "1.0";
  src = ../../sources/libgreet;
  outputs = [ "bin" "lib" "dev" "out" "doc" "man" ];
  # `out` keeps the license.
  postInstall = ''
    mkdir -p $out/share/licenses/libgreet
    echo "Public domain." > $out/share/licenses/libgreet/LICENSE
  '';
  meta.description = "Greetings for whoever asks, as a library";
}
