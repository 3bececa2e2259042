let
  a = builtins.toFile "a.txt" "alpha\n";
  b = builtins.toFile "b.txt" "beta refers to ${a}\n";
  c = builtins.toFile "c.txt" "gamma\n";
in
derivation {
  name = "export-json";
  system = builtins.currentSystem;
  builder = "/bin/bash";
  __structuredAttrs = true;
  exportReferencesGraph.closure = [ b c ];
  args = [ "-c" ''. "$NIX_ATTRS_SH_FILE"; IFS= read -r -d "" x < "$NIX_ATTRS_JSON_FILE" || true; printf "%s" "$x" > "''${outputs[out]}"'' ];
}
