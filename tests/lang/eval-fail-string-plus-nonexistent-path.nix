"a" + ./lib/nonexistent-file
