(builtins.tryEval { a = throw "lazy"; }).value ? a
