/a/b 1
