builtins.fetchurl {
  url = "file://" + toString ./lib/fetch/hello.txt;
  hash = "sha256-qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpEc=";
}
