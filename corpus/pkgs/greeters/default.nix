# The commands of hello and greet in one directory: a symlinkJoin of their bin
# directories (stripPrefix), with a postBuild step that adds an index.
{ symlinkJoin, hello, greet }:
symlinkJoin {
  name = "greeters";
  paths = [ hello greet ];
  stripPrefix = "/bin";
  postBuild = ''
    ls $out > $out/.index
  '';
}
