builtins.break "break returns its argument when not debugging"
