builtins.fetchurl ./lib/fetch/hello.txt
