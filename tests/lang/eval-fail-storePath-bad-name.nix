# storePath of a path whose name is not valid.
builtins.storePath "/nix/store/5b0f43b6sr1xn2h6dcp0ghzw1d3xzbfa-a b"
