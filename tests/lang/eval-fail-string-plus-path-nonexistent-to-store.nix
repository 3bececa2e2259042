"${./lib/nonexistent-file}"
