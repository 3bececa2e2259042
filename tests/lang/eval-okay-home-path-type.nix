builtins.typeOf ~/some/file
