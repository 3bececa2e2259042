[ (baseNameOf "/a/b/c.txt") (baseNameOf "c.txt") (baseNameOf "/a/b/") (baseNameOf "/") (baseNameOf "") (baseNameOf "a//b") (builtins.baseNameOf "x/y") ]
