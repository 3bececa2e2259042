# passAsFile: the .drv keeps the listed attributes (and passAsFile itself, space-joined)
# in its environment as usual; turning them into files happens only at build time. So
# the paths differ from the variant without passAsFile only through that attribute.
let
  mk = name: attrs: derivation ({ inherit name; system = "x"; builder = "/b"; } // attrs);
  p = d: { inherit (d) drvPath outPath; };
  a = mk "paf" { passAsFile = [ "foo" ]; foo = "contents of foo"; };
  b = mk "paf" { foo = "contents of foo"; };
  c = mk "paf" { passAsFile = [ "foo" "bar" ]; foo = "contents of foo"; bar = [ 1 2 ]; };
  missing = mk "paf" { passAsFile = [ "nothere" ]; foo = "contents of foo"; };
  empty = mk "paf" { passAsFile = [ ]; foo = "contents of foo"; };
in
{
  a = p a;
  b = p b;
  c = p c;
  missing = p missing;
  empty = p empty;
  aAttrs = builtins.attrNames a.drvAttrs;
  passAsFile = a.passAsFile;
}
