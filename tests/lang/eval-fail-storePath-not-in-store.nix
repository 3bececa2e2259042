# storePath of a path outside the store.
builtins.storePath "/tmp/not-a-store-path"
