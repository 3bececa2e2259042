(builtins.zipAttrsWith (n: v: builtins.length v) [ { a = throw "x"; } { a = throw "y"; b = 1; } ])
