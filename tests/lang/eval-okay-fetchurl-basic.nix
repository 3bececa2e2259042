# A file:// URL without a hash: stored flat under the URL's base name.
let
  p = builtins.fetchurl ("file://" + toString ./lib/fetch/hello.txt);
  q = builtins.fetchurl { url = "file://" + toString ./lib/fetch/hello.txt; };
in
[
  p
  (builtins.getContext p)
  (builtins.readFile p)
  (p == q)
]
