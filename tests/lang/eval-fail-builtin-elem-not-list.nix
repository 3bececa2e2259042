builtins.elem 1 { }
