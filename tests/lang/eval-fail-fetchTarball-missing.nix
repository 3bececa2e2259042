builtins.fetchTarball ("file://" + toString ./lib/fetch + "/missing.tar.gz")
