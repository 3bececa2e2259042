[ (builtins.functionArgs ({ a, b ? 1, ... }: a)) (builtins.functionArgs (x: x)) (builtins.functionArgs ({ }: 1)) (builtins.functionArgs (args@{ x, y ? 2 }: x)) ]
