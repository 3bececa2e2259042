# The build benchmark: n trivial, independent derivations (200 by default), each
# writing one small file with /bin/sh. `seed` goes into every name, so that each run
# has derivations nothing built before.
#
#   nix-build bench/build/drvs.nix --argstr seed 1 [--arg n 10]
{ n ? 200, seed ? "0" }:
builtins.genList (i: derivation {
  name = "trivial-${seed}-${toString i}";
  system = "x86_64-linux";
  builder = "/bin/sh";
  args = [ "-c" "echo ${toString i} > $out" ];
}) n
