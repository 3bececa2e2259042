builtins.length "a very long string value that might be truncated in the error message because it goes on and on and on and on and on"
