a: e: [ (a ? b) (a ? b.c) (a ? "d") (a ? ${e}) ]
