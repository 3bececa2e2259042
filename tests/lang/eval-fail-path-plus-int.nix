./lib + 1
