# storePath of a store path without hash and name.
builtins.storePath "/nix/store/abc"
