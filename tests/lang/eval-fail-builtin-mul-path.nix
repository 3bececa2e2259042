builtins.mul /a 2
