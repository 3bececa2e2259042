# leading comment
let /* block */ a = 1; # trailing
  /* multi
     line
     comment */
  b = /**/ 2;
  c = "# not a comment /* nor this */";
in [ a b c ] # end
