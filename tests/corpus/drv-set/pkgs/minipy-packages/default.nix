# A package scope (lib.makeScope): its callPackage sees the scope first, then the
# enclosing package set.
{ lib, newScope, mkDerivation, minipy }:
lib.makeScope newScope (self: {
  buildMinipyPackage = { pname, version, deps ? [ ], ... }@args:
    mkDerivation (removeAttrs args [ "deps" ] // {
      name = "minipy${minipy.version}-${pname}-${version}";
      buildInputs = [ minipy ] ++ deps;
      buildCommand = "mkdir -p $out/lib/minipy; touch $out/lib/minipy/${pname}.py";
    });
  six = self.callPackage ./six { };
  attrs-lib = self.callPackage ./attrs-lib { };
})
