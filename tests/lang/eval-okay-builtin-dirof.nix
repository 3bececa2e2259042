[ (dirOf "/a/b/c") (dirOf "a/b") (dirOf "a") (dirOf "/") (dirOf "") (dirOf "/a/") (dirOf "a//b") (builtins.typeOf (dirOf ./lib)) (builtins.typeOf (dirOf "/a")) ]
