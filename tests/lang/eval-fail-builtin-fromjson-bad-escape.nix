builtins.fromJSON ''"\x41"''
