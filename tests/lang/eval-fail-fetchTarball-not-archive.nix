builtins.fetchTarball ("file://" + toString ./lib/fetch/hello.txt)
