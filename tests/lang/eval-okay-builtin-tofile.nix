# toFile computes the path of a text file from its name, contents and references (the
# store paths in the contents' context); the result refers to the file.
let
  f = builtins.toFile "foo" "bar";
  g = builtins.toFile "x" "${f} y";
  plain = builtins.appendContext "y" { "/nix/store/11111111111111111111111111111111-bar.drv" = { path = true; }; };
in
[ f (builtins.getContext f) g (builtins.getContext g) (builtins.toFile "refs-drv-file" plain) (builtins.toFile "empty" "") ]
