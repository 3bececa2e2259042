# lib.customisation. Each `# nixpkgs:` comment is the behaviour nixpkgs documents.
let
  lib = import ../../../stdlib/lib;
  mkDrv =
    {
      name,
      flag ? "off",
    }:
    derivation {
      inherit name flag;
      system = "x86_64-linux";
      builder = "/bin/sh";
      outputs = [
        "out"
        "dev"
      ];
    };
  pkgs = {
    name = "from-scope";
    flag = "on";
    unused = throw "not needed";
  };
  callPackage = lib.callPackageWith pkgs;
  pkgFn =
    { name, flag }:
    {
      inherit name flag;
      both = "${name}-${flag}";
    };
in
{
  makeOverridable =
    let
      f = lib.makeOverridable ({ a, b ? 2 }: { sum = a + b; });
      r = f { a = 1; };
    in
    {
      result = r.sum; # nixpkgs: f { a = 1; } keeps the result's attributes
      override = (r.override { b = 10; }).sum; # nixpkgs: calls f again with { a = 1; b = 10; }
      overrideFn = (r.override (old: { a = old.a + 100; })).sum;
      twice = ((r.override { a = 5; }).override { b = 5; }).sum;
      args = lib.functionArgs f; # nixpkgs: the function's arguments are kept
      hasOverride = r ? override;
      noOverrideAttrs = r ? overrideAttrs;
    };
  makeOverridableFunctionResult =
    let
      f = lib.makeOverridable ({ a }: { b }: a + b);
      g = f { a = 1; };
    in
    [
      (g { b = 2; })
      ((g.override { a = 10; }) { b = 2; })
      (lib.functionArgs g)
    ];
  makeOverridablePlain = (lib.makeOverridable ({ a }: a * 2)) { a = 4; };
  makeOverridableOverrideAttrs =
    let
      f = lib.makeOverridable (
        { a }:
        {
          inherit a;
          overrideAttrs = g: { a = g a; };
        }
      );
      r = (f { a = 1; }).overrideAttrs (x: x + 1);
    in
    [
      r.a
      (r ? override) # nixpkgs: the result of overrideAttrs stays overridable
      (r.override { a = 10; }).a
    ];
  callPackageWith =
    let
      p = callPackage pkgFn { };
      q = callPackage pkgFn { flag = "given"; };
    in
    {
      auto = p.both; # nixpkgs: missing arguments come from autoArgs
      given = q.both; # nixpkgs: explicit arguments win
      override = (p.override { name = "overridden"; }).both;
      defaultsKept = (callPackage ({ name, other ? "default" }: other) { });
    };
  callPackageFile = (callPackage ./data/package.nix { }).text;
  callPackagesWith =
    let
      set = lib.callPackagesWith pkgs (
        { name, flag }:
        {
          a = { v = "${name}-a-${flag}"; };
          b = { v = "${name}-b"; };
        }
      ) { };
    in
    [
      set.a.v
      set.b.v
      (set.a.override { flag = "x"; }).v
    ];
  callPackagesOnDerivation = builtins.tryEval (lib.callPackagesWith { } ({ }: mkDrv { name = "single"; }) { });
  overrideDerivation =
    let
      d = mkDrv { name = "orig"; };
      d2 = lib.overrideDerivation d (old: { name = old.name + "-changed"; flag = "x"; });
    in
    {
      name = d2.name;
      flag = d2.flag;
      differs = d2.outPath != d.outPath;
      devName = d2.dev.name;
      outputName = d2.dev.outputName;
    };
  makeOverridableDerivation =
    let
      p = lib.makeOverridable mkDrv { name = "ov"; };
      p2 = p.overrideDerivation (old: { flag = "changed"; });
    in
    {
      flag = p2.flag;
      again = (p2.override { name = "ov2"; }).flag;
      againName = (p2.override { name = "ov2"; }).name;
    };
  extendDerivation =
    let
      d = mkDrv { name = "ext"; };
      e = lib.extendDerivation true { extra = 1; } d;
    in
    {
      extra = e.extra;
      devExtra = e.dev.extra;
      outputSpecified = e.dev.outputSpecified;
      sameOut = e.outPath == d.outPath;
      all = map (o: o.outputName) e.all;
      name = e.name;
    };
  extendDerivationFalse = builtins.tryEval (lib.extendDerivation false { } (mkDrv { name = "ext"; })).outPath;
  hydraJob =
    let
      j = lib.hydraJob (mkDrv { name = "job"; } // { meta = { }; });
    in
    builtins.attrNames j;
  makeScope =
    let
      scope = lib.makeScope lib.callPackageWith (self: {
        a = 1;
        b = self.callPackage ({ a }: { v = a + 1; }) { };
      });
      changed = scope.overrideScope (final: prev: { a = 10; });
      inner = scope.newScope { a = 100; } ({ a, b }: a + b.v) { };
    in
    {
      b = scope.b.v; # nixpkgs: members see each other through callPackage
      overridden = changed.b.v; # nixpkgs: overrideScope re-calls every member
      inherit inner;
      packages = builtins.attrNames (scope.packages scope);
    };
}
