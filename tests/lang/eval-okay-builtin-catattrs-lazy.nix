builtins.length (builtins.catAttrs "a" [ { a = throw "lazy"; } ])
