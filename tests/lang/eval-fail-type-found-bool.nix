builtins.length false
