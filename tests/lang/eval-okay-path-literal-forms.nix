let base = toString ./.; strip = p: builtins.substring (builtins.stringLength base) 1000 (toString p); in map strip [ ./. ./lib ./lib/data.json ./lib/../lib/dir ./lib/./dir ./a/b/../../c ./a/.. ]
