map builtins.typeOf [ 1 1.5 "s" true null [ ] { } (x: x) ./lib builtins.map (builtins.map (x: x)) http://x ]
