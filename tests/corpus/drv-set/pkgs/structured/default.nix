# A package with __structuredAttrs: nested attributes and lists (of every JSON type)
# reach the builder as .attrs.json; outputChecks uses the structured form.
{ mkDerivation, libcompress, greet, lib }:
mkDerivation {
  pname = "structured";
  version = "0.1";
  __structuredAttrs = true;
  outputs = [ "out" "lib" ];
  settings = {
    level = 3;
    ratio = 1.5;
    enabled = true;
    disabled = false;
    nothing = null;
    names = [ "a" "b" "c" ];
    nested.deeper.value = "x";
    dependency = "${libcompress.dev}";
  };
  programs = [ greet ];
  buildCommand = ''
    . .attrs.sh
    mkdir -p ''${outputs[out]} ''${outputs[lib]}
    cp .attrs.json ''${outputs[out]}/
  '';
  outputChecks.out = {
    allowedReferences = [ ];
    maxSize = 1048576;
  };
  outputChecks.lib.disallowedRequisites = [ greet ];
}
