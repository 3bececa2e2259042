builtins.ceil (1.0e308 * 10)
