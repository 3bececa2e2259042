[ (x: x) ({ a ? 1, ... }@args: a) builtins.map ]
