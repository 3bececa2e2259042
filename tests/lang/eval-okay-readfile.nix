builtins.readFile ./lib/dir/file.txt
