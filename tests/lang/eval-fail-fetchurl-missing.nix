builtins.fetchurl ("file://" + toString ./lib/fetch + "/missing.txt")
