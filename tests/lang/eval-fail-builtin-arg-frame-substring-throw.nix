builtins.substring 0 (throw "no length") "abc"
