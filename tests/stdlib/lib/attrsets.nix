# lib.attrsets. Each `# nixpkgs:` comment is the result nixpkgs' documentation gives
# for that call (or the same call with other values); the .exp file is the reference
# evaluator's output for this file.
let
  lib = import ../../../stdlib/lib;
  inherit (lib) attrsets;
  x = {
    a = {
      b = 3;
    };
  };
  drv = {
    type = "derivation";
    name = "p-1.0";
    outPath = "/nix/store/00000000000000000000000000000000-p-1.0";
    out = {
      type = "derivation";
      outputName = "out";
      outPath = "/out";
    };
    dev = {
      type = "derivation";
      outputName = "dev";
      outPath = "/dev";
    };
    outputs = [
      "out"
      "dev"
    ];
  };
in
{
  attrByPath = [
    (lib.attrByPath [ "a" "b" ] 6 x) # nixpkgs: 3
    (lib.attrByPath [ "z" "z" ] 6 x) # nixpkgs: 6
    (lib.attrByPath [ "a" "b" "c" ] 0 x) # a non-set on the way: the default
    (lib.attrByPath [ ] 0 x)
  ];
  hasAttrByPath = [
    (lib.hasAttrByPath [ "a" "b" ] x) # nixpkgs: true
    (lib.hasAttrByPath [ "a" "c" ] x) # nixpkgs: false
    (lib.hasAttrByPath [ ] x) # nixpkgs: true
  ];
  setAttrByPath = lib.setAttrByPath [ "a" "b" ] 3; # nixpkgs: { a = { b = 3; }; }
  getAttrFromPath = lib.getAttrFromPath [ "a" "b" ] x; # nixpkgs: 3
  attrVals = lib.attrVals [ "a" "b" ] { a = 1; b = 2; c = 3; }; # nixpkgs: [ 1 2 ]
  attrValues = lib.attrValues { c = 3; a = 1; b = 2; }; # nixpkgs: [ 1 2 3 ]
  catAttrs = lib.catAttrs "a" [ { a = 1; } { b = 0; } { a = 2; } ]; # nixpkgs: [ 1 2 ]
  filterAttrs = lib.filterAttrs (n: v: n == "foo") { foo = 1; bar = 2; }; # nixpkgs: { foo = 1; }
  filterAttrsRecursive = lib.filterAttrsRecursive (n: v: v != null) {
    levelA = {
      example = "hi";
      levelB = {
        hello = "there";
        this-one-is-present = {
          this-is-excluded = null;
        };
      };
      this-one-is-also-excluded = null;
    };
    also-excluded = null;
  };
  # nixpkgs: { levelA = { example = "hi"; levelB = { hello = "there"; this-one-is-present = { }; }; }; }
  foldlAttrs = [
    (lib.foldlAttrs (acc: name: value: {
      sum = acc.sum + value;
      names = acc.names ++ [ name ];
    }) { sum = 0; names = [ ]; } { foo = 1; bar = 10; })
    # nixpkgs: { sum = 11; names = [ "bar" "foo" ]; }
    (lib.foldlAttrs (throw "function not needed") 123 { }) # nixpkgs: 123
    (lib.foldlAttrs (acc: _: _: acc) 3 { z = throw "value not needed"; a = throw "value not needed"; }) # nixpkgs: 3
  ];
  mapAttrs = lib.mapAttrs (name: value: name + "-" + value) { x = "foo"; y = "bar"; }; # nixpkgs: { x = "x-foo"; y = "y-bar"; }
  mapAttrs' = lib.mapAttrs' (name: value: lib.nameValuePair ("foo_" + name) ("bar-" + value)) {
    x = "a";
    y = "b";
  }; # nixpkgs: { foo_x = "bar-a"; foo_y = "bar-b"; }
  mapAttrsToList = lib.mapAttrsToList (name: value: name + value) { x = "a"; y = "b"; }; # nixpkgs: [ "xa" "yb" ]
  attrsToList = lib.attrsToList { foo = 1; bar = "asdf"; }; # nixpkgs: [ { name = "bar"; value = "asdf"; } { name = "foo"; value = 1; } ]
  concatMapAttrs = lib.concatMapAttrs (name: value: {
    ${name} = value;
    ${name + value} = value;
  }) { x = "a"; y = "b"; }; # nixpkgs: { x = "a"; xa = "a"; y = "b"; yb = "b"; }
  mapAttrsRecursive = lib.mapAttrsRecursive (path: value: lib.concatStringsSep "-" (path ++ [ value ])) {
    n = {
      a = "A";
      m = {
        b = "B";
        c = "C";
      };
    };
    d = "D";
  }; # nixpkgs: { n = { a = "n-a-A"; m = { b = "n-m-b-B"; c = "n-m-c-C"; }; }; d = "d-D"; }
  mapAttrsRecursiveCond = lib.mapAttrsRecursiveCond (as: !(as ? leaf)) (path: v: lib.concatStringsSep "." path) {
    a = {
      leaf = 1;
    };
    b = {
      c = 2;
    };
  };
  collect = [
    (lib.collect builtins.isList { a = { b = [ "b" ]; }; c = [ 1 ]; }) # nixpkgs: [ [ "b" ] [ 1 ] ]
    (lib.collect (x: x ? outPath) { a = { outPath = "a/"; }; b = { outPath = "b/"; }; }) # nixpkgs: [ { outPath = "a/"; } { outPath = "b/"; } ]
  ];
  genAttrs = lib.genAttrs [ "foo" "bar" ] (name: "x_" + name); # nixpkgs: { foo = "x_foo"; bar = "x_bar"; }
  isDerivation = [
    (lib.isDerivation drv)
    (lib.isDerivation { type = "set"; })
    (lib.isDerivation 3)
  ];
  optionalAttrs = [
    (lib.optionalAttrs true { my = "set"; }) # nixpkgs: { my = "set"; }
    (lib.optionalAttrs false { my = "set"; }) # nixpkgs: { }
  ];
  zipAttrsWith = lib.zipAttrsWith (name: values: values) [ { a = "x"; } { a = "y"; b = "z"; } ]; # nixpkgs: { a = ["x" "y"]; b = ["z"]; }
  zipAttrs = lib.zipAttrs [ { a = "x"; } { a = "y"; b = "z"; } ]; # nixpkgs: { a = [ "x" "y" ]; b = [ "z" ]; }
  zipAttrsWithNames = attrsets.zipAttrsWithNames [ "a" ] (name: vs: vs) [ { a = "x"; } { a = "y"; b = "z"; } ]; # nixpkgs: { a = ["x" "y"]; }
  recursiveUpdate = lib.recursiveUpdate {
    boot.loader.grub.enable = true;
    boot.loader.grub.device = "/dev/hda";
  } { boot.loader.grub.device = ""; };
  # nixpkgs: { boot.loader.grub.enable = true; boot.loader.grub.device = ""; }
  recursiveUpdateUntil = lib.recursiveUpdateUntil (path: l: r: path == [ "foo" ]) {
    # first attribute set
    foo.bar = 1;
    foo.baz = 2;
    bar = 3;
  } {
    #second attribute set
    foo.bar = 1;
    foo.quz = 2;
    baz = 4;
  };
  # nixpkgs: { foo.bar = 1; foo.quz = 2; bar = 3; baz = 4; }
  matchAttrs = [
    (lib.matchAttrs { cpu = { }; } { cpu = { bits = 64; }; }) # nixpkgs: true
    (lib.matchAttrs { cpu.bits = 32; } { cpu = { bits = 64; }; })
    (lib.matchAttrs { a = 1; } { })
  ];
  nameValuePair = lib.nameValuePair "some" 6; # nixpkgs: { name = "some"; value = 6; }
  listToAttrs = lib.listToAttrs [ (lib.nameValuePair "a" 1) ];
  attrNames = lib.attrNames { b = 1; a = 2; };
  getOutput = [
    (lib.getOutput "dev" drv).outPath
    (lib.getOutput "man" drv).outPath
    (lib.getOutput "dev" { }).x or "no output: the value itself"
    (lib.getOutput "dev" (drv // { outputSpecified = true; })).outPath
  ];
  getBin = (lib.getBin drv).outPath; # no bin: out
  getLib = (lib.getLib drv).outPath;
  getDev = (lib.getDev drv).outPath;
  getMan = (lib.getMan drv).outPath;
  getFirstOutput = [
    (lib.getFirstOutput [ "include" "dev" ] drv).outPath
    (lib.getFirstOutput [ "include" ] drv).outPath
    (lib.getFirstOutput [ "dev" ] (drv // { outputSpecified = true; })).outPath
  ];
  getInclude = (lib.getInclude drv).outPath;
  chooseDevOutputs = map (d: d.outPath) (lib.chooseDevOutputs [ drv drv.out ]);
  cartesianProduct = lib.cartesianProduct { a = [ 1 2 ]; b = [ 10 20 ]; };
  # nixpkgs: [ { a = 1; b = 10; } { a = 1; b = 20; } { a = 2; b = 10; } { a = 2; b = 20; } ]
  cartesianProductEmpty = lib.cartesianProduct { }; # nixpkgs: [ { } ]
  mapCartesianProduct = lib.mapCartesianProduct ({ a, b }: "${a}-${b}") { a = [ "1" "2" ]; b = [ "3" "4" ]; };
  # nixpkgs: [ "1-3" "1-4" "2-3" "2-4" ]
  unionOfDisjoint = lib.unionOfDisjoint { a = 1; } { b = 2; };
  unionOfDisjointCollision = builtins.tryEval (lib.unionOfDisjoint { a = 1; } { a = 2; }).a;
  recurse = [
    (lib.recurseIntoAttrs { a = 1; })
    (lib.dontRecurseIntoAttrs { a = 1; })
  ];
  updateManyAttrsByPath = lib.updateManyAttrsByPath [
    {
      path = [ "a" "b" ];
      update = old: { d = old.c; };
    }
    {
      path = [ "a" "b" "c" ];
      update = old: old + 1;
    }
    {
      path = [ "x" "y" ];
      update = old: "xy";
    }
  ] { a.b.c = 0; };
  # nixpkgs: { a = { b = { d = 1; }; }; x = { y = "xy"; }; }
  showAttrPath = [
    (attrsets.showAttrPath [ "foo" "10" "bar" ]) # nixpkgs: "foo.\"10\".bar"
    (attrsets.showAttrPath [ ]) # nixpkgs: "<root attribute path>"
  ];
  bySection = attrsets.mapAttrs' (n: v: lib.nameValuePair (n + n) v) { a = 1; };
}
