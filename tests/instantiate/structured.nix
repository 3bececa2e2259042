# __structuredAttrs (nested values, numbers, null, derivations and paths inside),
# passAsFile, placeholders and values the ATerm serialisation has to escape.
let
  mk = name: attrs: derivation ({ inherit name; system = "x86_64-linux"; builder = "/bin/sh"; } // attrs);
  dep = mk "dep" { outputs = [ "out" "dev" ]; };
in
[
  (mk "structured" {
    __structuredAttrs = true;
    outputs = [ "out" "doc" ];
    int = 42;
    float = 0.1;
    big = 1.0e20;
    flags = [ true false null ];
    nested = { list = [ 1 [ 2 ] { three = 3; } ]; str = "q\"\\\n\t"; };
    deps = { tool = dep; inc = "${dep.dev}/include"; src = ./src/data.txt; };
    outputChecks.out = { allowedReferences = [ dep ]; maxSize = 4096; };
    prefix = builtins.placeholder "out";
  })
  (mk "pass-as-file" {
    passAsFile = [ "text" "list" ];
    text = "line1\nline2\n";
    list = [ "a" 1 true ];
    other = "${dep}";
  })
  (mk "escapes" {
    args = [ "-c" "printf '%s\\n' \"$v\" > $out" "\t" "é" ];
    v = "quote \" backslash \\ newline \n tab \t cr \r end";
    empty = "";
    out2 = builtins.placeholder "dev";
    outputs = [ "out" "dev" ];
    float = 1.5;
    neg = -1;
    nul = null;
  })
]
