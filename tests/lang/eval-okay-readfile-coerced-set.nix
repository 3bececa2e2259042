builtins.readFile { outPath = ./lib/dir/file.txt; }
