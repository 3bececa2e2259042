builtins.length { f = x: x; g = builtins.head; h = map; }
