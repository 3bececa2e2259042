let
  f = s: builtins.removeAttrs s [ "a" 1 ];
in
f { a = 1; }
