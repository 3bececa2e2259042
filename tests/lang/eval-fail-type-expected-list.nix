builtins.length { }
