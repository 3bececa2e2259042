builtins.fetchurl {
  url = "file://" + toString ./lib/fetch/hello.txt;
  name = "hello world";
}
