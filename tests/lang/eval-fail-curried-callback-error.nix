builtins.sort (a: b: a.missing < b) [ { } { } ]
