# builtins.path / filterSource results (store paths with context) as derivation inputs.
let
  mk = name: attrs: derivation ({ inherit name; system = "x"; builder = "/b"; } // attrs);
  p = d: { inherit (d) drvPath outPath; };
  named = builtins.path { path = ./lib/drv/tree; name = "my-tree"; };
  defaultName = builtins.path { path = ./lib/drv/tree; };
  filtered = builtins.path {
    path = ./lib/drv/tree;
    name = "filtered";
    filter = path: type: !(builtins.match ".*\\.log" path != null);
  };
  filterSrc = builtins.filterSource (path: type: type != "directory" && baseNameOf path != "run.sh") ./lib/drv/tree;
  flat = builtins.path {
    path = ./lib/drv/hello.txt;
    name = "hello-flat";
    recursive = false;
    sha256 = "179c1d992ec0d3f9b2dae007d952fb9036fb8983e42bcf140fbc3d2ef1e0577f";
  };
  flatSri = builtins.path {
    path = ./lib/drv/hello.txt;
    name = "hello-flat";
    recursive = false;
    sha256 = "sha256-F5wdmS7A0/my2uAH2VL7kDb7iYPkK88UD7w9LvHgV38=";
  };
  recFile = builtins.path { path = ./lib/drv/hello.txt; name = "hello-rec"; };
  exe = builtins.path { path = ./lib/drv/builder.sh; };
  user = mk "path-user" { inherit named filtered filterSrc flat recFile exe; };
in
{
  inherit named defaultName filtered filterSrc flat flatSri recFile exe;
  flatSame = flat == flatSri;
  namedContext = builtins.getContext named;
  flatContext = builtins.getContext flat;
  user = p user;
  userOne = p (mk "path-user-one" { src = filtered; });
}
