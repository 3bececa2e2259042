# toPath canonicalises an absolute path string, keeping it a string with its context.
let
  p = "/nix/store/00000000000000000000000000000000-foo";
  withContext = builtins.appendContext "${p}/a/../b" { ${p} = { path = true; }; };
in
{
  canonical = builtins.toPath "/a/../b//c/";
  fromPath = builtins.toPath ./lib/..;
  fromSet = builtins.toPath { outPath = "/z/./y"; };
  type = builtins.typeOf (builtins.toPath "/a");
  context = builtins.getContext (builtins.toPath withContext);
  kept = builtins.toPath withContext;
}
