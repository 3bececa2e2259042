[ (builtins.isPath ./lib) (builtins.isPath "./lib") (builtins.isPath /x) (builtins.typeOf ./x) ]
