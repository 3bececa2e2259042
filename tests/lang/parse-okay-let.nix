c: d: let a = 1; b = a; inherit c; inherit (d) e f; in a
