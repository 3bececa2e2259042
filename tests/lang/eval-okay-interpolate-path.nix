let s = "${./lib/data.json}"; in builtins.typeOf s
