# storePath of a path whose hash part is not nixbase32.
builtins.storePath "/nix/store/5b0f43b6sr1xn2h6dcp0ghzw1d3xzbfe-x"
