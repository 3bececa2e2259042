# filterSource of a string naming a store path that was only computed (--eval writes
# nothing): not valid.
builtins.filterSource (path: type: true) "${builtins.toFile "x" "y"}"
