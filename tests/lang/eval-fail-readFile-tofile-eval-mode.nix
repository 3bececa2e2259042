# With --eval the store is read-only: toFile computes the path without writing it, so
# reading it back fails.
builtins.readFile (builtins.toFile "x.txt" "hello")
