# Interpolating a.drvPath into another derivation gives it a whole-derivation context,
# whose closure the reference computes from the store; with --eval nothing is written,
# so the .drv is not valid there.
let
  a = derivation { name = "a"; system = "x"; builder = "/b"; };
  b = derivation { name = "b"; system = "x"; builder = "/b"; dep = "${a.drvPath}"; };
in
b.outPath
