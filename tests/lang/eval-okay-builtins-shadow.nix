let builtins = { map = "shadowed"; }; in builtins.map
