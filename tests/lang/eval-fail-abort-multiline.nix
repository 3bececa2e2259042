abort "line one\nline two"
