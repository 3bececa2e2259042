a: c: d: e: [ a.b.c (a.b or c) a."b c" a.${d} (a.${d} or e) ]
