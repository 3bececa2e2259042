# Paths used by derivations are copied to the store (a file, an executable, a directory
# tree) and become input sources.
let
  mk = name: attrs: derivation ({ inherit name; system = "x"; builder = "/b"; } // attrs);
  p = d: { inherit (d) drvPath outPath; };
  file = mk "src-file" { src = ./lib/drv/hello.txt; };
  exe = mk "src-exe" { src = ./lib/drv/builder.sh; };
  dir = mk "src-dir" { src = ./lib/drv/tree; };
  asBuilder = derivation { name = "src-builder"; system = "x"; builder = ./lib/drv/builder.sh; };
  inArgs = mk "src-args" { args = [ ./lib/drv/builder.sh "-x" ./lib/drv/tree ]; };
  interp = mk "src-interp" { src = "${./lib/drv/hello.txt}"; sub = "${./lib/drv/tree}/sub/b.txt"; };
  list = mk "src-list" { srcs = [ ./lib/drv/hello.txt ./lib/drv/tree ]; };
  # a path turned into a string by toString is not copied (its drvPath would depend on
  # the checkout's location, so only the attribute is shown)
  notCopied = mk "src-tostring" { src = toString ./lib/drv/hello.txt; };
in
{
  file = p file;
  fileSrc = file.drvAttrs.src;
  exe = p exe;
  dir = p dir;
  asBuilder = p asBuilder;
  inArgs = p inArgs;
  interp = p interp;
  interpSrc = interp.drvAttrs.src;
  interpSrcContext = builtins.getContext interp.drvAttrs.src;
  interpSub = interp.drvAttrs.sub;
  list = p list;
  notCopiedContext = builtins.getContext notCopied.drvAttrs.src;
  notCopiedSrc = notCopied.drvAttrs.src;
  sameAsInterp = (mk "src-file" { src = "${./lib/drv/hello.txt}"; }).drvPath == file.drvPath;
}
