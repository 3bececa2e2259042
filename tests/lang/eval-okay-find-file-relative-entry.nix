[ (builtins.findFile [ { prefix = "x"; path = "./lib"; } ] "x/imported.nix") (builtins.findFile [ { prefix = ""; path = "lib/dir"; } ] "file.txt") ]
