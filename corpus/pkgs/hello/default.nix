# A C program built with its configure script and make, from a source tree in the
# repository. Its manual page goes to the `man` output.
{ stdenv }:
stdenv.mkDerivation {
  pname = "hello";
  version = "2.12";
  src = ../../sources/hello;
  outputs = [ "out" "man" ];
  doCheck = true;
  meta.description = "A program that prints a greeting";
}
