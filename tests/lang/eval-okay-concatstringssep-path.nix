# concatStringsSep copies a path element to the store (as interpolation does), with
# the copy in the result's context.
let
  s = builtins.concatStringsSep "-" [ ./lib/hello.txt "x" ];
in
[ s (builtins.getContext s) ]
