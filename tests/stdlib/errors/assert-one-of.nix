# nixpkgs: error: sslLibrary must be one of [
#   "openssl"
#   "bearssl"
# ], but is: "libressl"
let
  lib = import ../../../stdlib/lib;
  sslLibrary = "libressl";
in
lib.assertOneOf "sslLibrary" sslLibrary [
  "openssl"
  "bearssl"
]
