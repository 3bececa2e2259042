/*
  `derivation`: the builtin most Nix code makes packages with.

  It takes a set of attributes describing a build (at least `name`,
  `system` and `builder`; optionally `args`, `outputs` and anything
  else, which reaches the builder as environment variables) and gives
  back a set standing for the derivation's first output.

  The work is done by `builtins.derivationStrict`, which evaluates every
  attribute, writes the store derivation and returns its `.drv` path
  and its output paths. This wrapper adds what the language sees:

  - the attributes given, as they were, also as `drvAttrs`;
  - one set per output (`out`, `dev`, ...), each with `outPath`,
    `outputName`, the shared `drvPath`, and `type = "derivation"`;
  - `all`, the list of those per-output sets.

  Every per-output set holds all the others, so `pkg.dev.out` is `pkg`.

  Ferrix lays this file out so that positions in error traces are the
  same as the reference implementation's.

  Example:

    derivation { name = "hello"; system = "x86_64-linux"; builder = ./b.sh; }

  See the manual's section on derivations for the attributes that
  have a meaning of their own.
*/
drvAttrs@{
  outputs ? [ "out" ],
  ...
}:

let

  strict = derivationStrict drvAttrs;

  commonAttrs =
    drvAttrs
    // (builtins.listToAttrs outputsList)
    // {
      all = map (x: x.value) outputsList;
      inherit drvAttrs;
    };

  outputToAttrListElement = outputName: {
    name = outputName;
    value = commonAttrs // {
      outPath = builtins.getAttr outputName strict;
      drvPath = strict.drvPath;
      type = "derivation";
      inherit outputName;
    };
  };

  outputsList = map outputToAttrListElement outputs;

in
(builtins.head outputsList).value
