builtins.fetchurl (toString ./lib/fetch/hello.txt)
