# Ferrix's standard library, reachable as <ferrix>: `import <ferrix> {}` gives a
# package-set-shaped attribute set. It is embedded in the ferrix binary and written to
# the store (as the source path ferrix-stdlib) the first time it is looked up.
{ ... }:
{
  lib = import ./lib;
}
