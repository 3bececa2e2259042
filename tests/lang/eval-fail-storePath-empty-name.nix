# storePath of a path with an empty name.
builtins.storePath "/nix/store/5b0f43b6sr1xn2h6dcp0ghzw1d3xzbfa-"
