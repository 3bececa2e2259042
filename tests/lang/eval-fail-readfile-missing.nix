builtins.readFile ./lib/missing.txt
