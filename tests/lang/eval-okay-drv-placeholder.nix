# placeholder values and their use in derivations: they carry no context and are stored
# in the .drv verbatim.
let
  mk = name: attrs: derivation ({ inherit name; system = "x"; builder = "/b"; } // attrs);
  p = d: { inherit (d) drvPath outPath; };
  a = mk "ph" { prefix = builtins.placeholder "out"; };
  b = mk "ph" { outputs = [ "out" "dev" ]; args = [ "--prefix=${builtins.placeholder "out"}" "--dev=${builtins.placeholder "dev"}" ]; };
in
{
  out = builtins.placeholder "out";
  dev = builtins.placeholder "dev";
  bin = builtins.placeholder "bin";
  weird = builtins.placeholder "a b";
  empty = builtins.placeholder "";
  hasContext = builtins.hasContext (builtins.placeholder "out");
  a = p a;
  b = p b;
}
