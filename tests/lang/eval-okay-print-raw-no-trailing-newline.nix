"no newline at end"
