builtins.fromJSON ''{"a":{"b":{"c":{"d":[[[[1]]]]}}}}''
