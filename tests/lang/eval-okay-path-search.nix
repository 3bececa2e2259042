[ (baseNameOf <nixpkgs>) (baseNameOf <nixpkgs/dir/file.txt>) (builtins.typeOf <nixpkgs>) (builtins.typeOf <nixpkgs/dir>) ]
