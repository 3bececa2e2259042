./lib/nonexistent-file
