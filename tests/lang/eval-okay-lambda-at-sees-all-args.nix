let f = { a, ... }@all: builtins.attrNames all; in f { a = 1; z = 2; m = 3; }
