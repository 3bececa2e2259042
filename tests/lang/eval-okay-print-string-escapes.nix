[ "quote\"" "back\\slash" "dollar-brace \${x}" "dollar $ alone" "$${" "newline\n" "tab\t" "cr\r" "unicode ☃" (builtins.fromJSON ''"\u0001\u007f"'') ]
