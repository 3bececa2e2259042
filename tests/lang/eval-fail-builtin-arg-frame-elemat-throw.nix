let i = throw "no index"; in builtins.elemAt [ 1 ] i
