builtins.tail { }
