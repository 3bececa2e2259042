[ (builtins.readFileType ./lib/dir) (builtins.readFileType ./lib/dir/file.txt) ]
