builtins.readDir ./lib/dir
