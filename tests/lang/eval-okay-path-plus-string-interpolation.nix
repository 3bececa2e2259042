let p = ./lib + "/${"dir"}/file.txt"; in builtins.readFile p
