let
  a = 1; # comment
  b = "x
y";
  c = ''
    ind
      more
  '';
in [ a b c ]
