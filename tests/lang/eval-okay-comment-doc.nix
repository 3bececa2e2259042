let
  /** A doc comment */
  f = x: x;
in f 3
