[ (baseNameOf ./lib/data.json) (baseNameOf (dirOf ./lib/data.json)) (baseNameOf "/a/b/c") (dirOf "/a/b/c") (dirOf "a") (baseNameOf "a/b/") (dirOf "/a") (dirOf "/") (baseNameOf "") (dirOf "a/b/") ]
