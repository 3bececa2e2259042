# storePath of something that is no path.
builtins.storePath 42
