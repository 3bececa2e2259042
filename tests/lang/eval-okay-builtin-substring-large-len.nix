builtins.substring 1 9223372036854775807 "abc"
