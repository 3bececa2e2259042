# builtins.toFile results as derivation inputs, including a file referring to another
# toFile result and to a source path, and one containing a placeholder.
let
  mk = name: attrs: derivation ({ inherit name; system = "x"; builder = "/b"; } // attrs);
  p = d: { inherit (d) drvPath outPath; };
  plain = builtins.toFile "plain.txt" "hello\n";
  script = builtins.toFile "script.sh" ''
    #!/bin/sh
    cat ${plain}
    cat ${./lib/drv/hello.txt}
  '';
  withPh = builtins.toFile "ph.txt" "prefix=${builtins.placeholder "out"}";
  a = mk "tofile-a" { src = plain; };
  b = mk "tofile-b" { builder = script; args = [ plain ]; };
  c = mk "tofile-c" { f = withPh; };
in
{
  inherit plain script withPh;
  plainContext = builtins.getContext plain;
  scriptContext = builtins.getContext script;
  a = p a;
  b = p b;
  c = p c;
}
