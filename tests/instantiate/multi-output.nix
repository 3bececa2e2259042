# Multi-output derivations: output order, the default output, and dependents on a
# non-default output.
let
  mk = name: attrs: derivation ({ inherit name; system = "x86_64-linux"; builder = "/bin/sh"; } // attrs);
  lib = mk "lib" { outputs = [ "out" "dev" "bin" "man" ]; };
  devFirst = mk "devfirst" { outputs = [ "dev" "out" ]; };
  useDev = mk "use-dev" { inc = "${lib.dev}/include"; tools = lib.bin; };
  useDefault = mk "use-default" { a = devFirst; b = devFirst.out; };
in
{
  inherit lib devFirst useDev useDefault;
  devOnly = lib.dev;
}
