# lib.meta-style helpers. Each `# nixpkgs:` comment is the result nixpkgs' documentation gives.
let
  lib = import ../../../stdlib/lib;
  pkg = {
    type = "derivation";
    name = "hello-2.12";
    pname = "hello";
    outPath = "/nix/store/00000000000000000000000000000000-hello-2.12";
    meta = {
      description = "hi";
      mainProgram = "hello";
    };
  };
  withBin = pkg // {
    bin = {
      type = "derivation";
      outPath = "/nix/store/00000000000000000000000000000000-hello-2.12-bin";
    };
  };
  overridable = pkg // {
    overrideAttrs = f: pkg // { meta = (f pkg).meta; overridden = true; };
  };
in
{
  lowPrio = (lib.lowPrio pkg).meta; # nixpkgs: meta.priority = 10
  hiPrio = (lib.hiPrio pkg).meta; # nixpkgs: meta.priority = -10
  setPrio = (lib.setPrio 5 pkg).meta.priority;
  addMetaAttrs = (lib.addMetaAttrs { license = "mit"; } { }).meta;
  addMetaAttrsOverrideAttrs =
    let
      r = lib.addMetaAttrs { license = "mit"; } overridable;
    in
    [
      r.meta
      r.overridden
    ];
  dontDistribute = (lib.dontDistribute { }).meta; # nixpkgs: meta.hydraPlatforms = [ ]
  setName = (lib.setName "other" pkg).name;
  updateName = (lib.updateName (n: n + "-x") pkg).name;
  appendToName = (lib.appendToName "with-foo" pkg).name; # nixpkgs (same shape): "hello-with-foo-2.12"
  mapDerivationAttrset = lib.mapDerivationAttrset (d: d.name) {
    a = pkg;
    b = 1;
  };
  getExe = [
    (lib.getExe pkg) # nixpkgs: "/nix/store/...-hello-2.12/bin/hello"
    (lib.getExe withBin)
  ];
  getExe' = lib.getExe' pkg "hello-wrapper"; # nixpkgs: ".../bin/hello-wrapper"
  getExe'NotDrv = builtins.tryEval (lib.getExe' { } "x");
  getExe'Nested = builtins.tryEval (lib.getExe' pkg "a/b");
}
