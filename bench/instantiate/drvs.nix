# The instantiation benchmark: n derivations (20000 by default), generated here with
# builtins.genList so that the cost measured is evaluation plus writing the .drv files,
# not parsing a huge file. Derivation i depends on derivations i/2 and i/3 (a DAG where
# every derivation is reachable from the last ones and the input closures overlap a
# lot); every 50th has three outputs (its dependents use `dev`), every 500th uses
# __structuredAttrs, every 1000th is fixed-output; the environments hold strings, ints,
# floats, booleans, null, lists and an escaped multi-line script.
#
#   nix-instantiate bench/instantiate/drvs.nix [--arg n 1000]   # prints n .drv paths
{ n ? 20000 }:
let
  inherit (builtins) genList elemAt;

  multi = i: i - i / 50 * 50 == 0;
  structured = i: i - i / 500 * 500 == 7;
  fixed = i: i - i / 1000 * 1000 == 999;

  # The output of derivation j that others use.
  ref = j: let d = elemAt drvs j; in if multi j then d.dev else d;

  deps = i: if i == 0 then [ ] else [ (ref (i / 2)) (ref (i / 3)) ];

  mk = i:
    let
      name = "bench-${toString i}";
      common = {
        inherit name;
        system = "x86_64-linux";
        builder = "/bin/sh";
        args = [ "-c" "echo building ${name}\nmkdir -p $out\nfor d in $deps; do echo \"$d\" >> $out/deps; done\n" ];
        deps = deps i;
        index = i;
        weight = i * 0.5;
        even = i / 2 * 2 == i;
        nothing = null;
        tags = [ "t${toString (i / 100)}" i (i > n / 2) ];
        description = "Derivation number ${toString i}: \"quoted\", tab\there, back\\slash";
      };
    in
    if fixed i then
      derivation (common // {
        deps = [ ];
        outputHashMode = "flat";
        outputHashAlgo = "sha256";
        outputHash = builtins.hashString "sha256" name;
      })
    else if structured i then
      derivation (common // {
        __structuredAttrs = true;
        settings = { inherit i; depNames = map (d: d.name) (deps i); nested.flag = true; };
      })
    else if multi i then
      derivation (common // { outputs = [ "out" "dev" "lib" ]; })
    else
      derivation common;

  drvs = genList mk n;
in
drvs
