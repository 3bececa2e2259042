./lib/
