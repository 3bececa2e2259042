"raw string\nwith newline and \"quotes\"\n"
