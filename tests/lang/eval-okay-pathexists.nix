[ (builtins.pathExists ./lib/dir/file.txt) (builtins.pathExists ./lib/nope) (builtins.pathExists ./lib/dir) (builtins.pathExists "/definitely/not/here") ]
