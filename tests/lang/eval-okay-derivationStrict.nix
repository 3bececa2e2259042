# derivationStrict returns just the drvPath and one path per output. Its `outputs` list
# is coerced to one string and split at whitespace, so an output name with a space
# becomes two outputs.
let
  base = { name = "strict"; system = "x"; builder = "/b"; };
in
{
  plain = derivationStrict base;
  multi = derivationStrict (base // { outputs = [ "out" "dev" ]; });
  split = derivationStrict (base // { outputs = [ "a b" "c" ]; });
  splitSame = derivationStrict (base // { outputs = [ "a b" "c" ]; }) == derivationStrict (base // { outputs = [ "a" "b" "c" ]; });
  nested = derivationStrict (base // { outputs = [ [ "out" ] "dev" ]; });
  namesOnly = builtins.attrNames (derivationStrict (base // { outputs = [ "z" "a" "m" ]; }));
  sameAsDerivation = (derivationStrict base).drvPath == (derivation base).drvPath;
  fromDerivationAttrs = (derivationStrict (derivation base).drvAttrs).out == (derivation base).outPath;
}
