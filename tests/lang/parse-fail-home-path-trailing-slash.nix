~/foo/
