# A nixpkgs-shaped package set: a fixed point with overlays and callPackage, every
# package a plain attribute set (no derivations: evaluation only).
let
  lib = rec {
    fix = f: let x = f x; in x;
    extends = overlay: f: self: let super = f self; in super // overlay self super;
    composeManyExtensions = builtins.foldl' (acc: o: self: super: let s1 = acc self super; in s1 // o self (super // s1)) (self: super: { });
    callPackageWith = scope: f: args:
      let
        fn = if builtins.isFunction f then f else import f;
        auto = builtins.intersectAttrs (builtins.functionArgs fn) scope;
      in fn (auto // args);
  };
  n = 3000;
  mkPkg = i: { pkgs, lib }: {
    name = "pkg${toString i}";
    version = "1.${toString i}";
    deps = if i == 0 then [ ] else [ pkgs."pkg${toString (i - 1)}" ];
    closureSize = if i == 0 then 1 else 1 + pkgs."pkg${toString (i - 1)}".closureSize;
  };
  base = self: builtins.listToAttrs (builtins.genList (i: {
    name = "pkg${toString i}";
    value = lib.callPackageWith (self // { pkgs = self; inherit lib; }) (mkPkg i) { };
  }) n);
  overlays = builtins.genList (j: self: super: {
    "pkg${toString (j * 7)}" = super."pkg${toString (j * 7)}" // { patched = j; };
  }) 100;
  pkgs = lib.fix (lib.extends (lib.composeManyExtensions overlays) base);
in
builtins.foldl' (acc: name: acc + pkgs.${name}.closureSize) 0 (builtins.attrNames pkgs)
