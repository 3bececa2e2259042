[ /foo/bar /foo/../bar /foo/./bar /. (/foo + "/x") (toString /a/b) (builtins.typeOf /a) ]
