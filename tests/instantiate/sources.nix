# Sources: a file, an executable, a directory tree, builtins.path (named, filtered,
# flat with a hash), filterSource, and toFile results referring to each other.
let
  mk = name: attrs: derivation ({ inherit name; system = "x86_64-linux"; } // attrs);
  data = builtins.toFile "data.conf" "key=value\n";
  script = builtins.toFile "run.sh" ''
    #!/bin/sh
    cat ${data} ${./src/data.txt}
  '';
in
[
  (mk "src-file" { builder = "/bin/sh"; src = ./src/data.txt; })
  (mk "src-builder" { builder = ./src/build.sh; args = [ ./src/tree "${./src/tree}/sub/two.txt" ]; })
  (mk "src-path" {
    builder = "/bin/sh";
    named = builtins.path { path = ./src/tree; name = "named-tree"; };
    filtered = builtins.path { path = ./src/tree; filter = p: t: builtins.match ".*\\.tmp" p == null; };
    flat = builtins.path {
      path = ./src/data.txt;
      name = "data-flat";
      recursive = false;
      sha256 = builtins.hashFile "sha256" ./src/data.txt;
    };
    fs = builtins.filterSource (p: t: t == "regular") ./src/tree;
  })
  (mk "src-tofile" { builder = script; args = [ data ]; })
]
